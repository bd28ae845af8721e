/**
 * What of a configured node URL may be shown. A node URL often carries a key (`https://…/v3/KEY`,
 * `?api-key=KEY`, `user:password@`): errors, logs and spans show its origin (scheme, host, port) only.
 */

/** The scheme and host (with its port) of a URL: what errors and spans may show of it. */
export const originOf = (url: string): string => {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}`
  } catch {
    return "(an unreadable URL)"
  }
}

/**
 * The pieces of the configured node URLs that may be secret: each whole URL, its path and query, its
 * user name and password, and each path segment and query value of 6 characters or more (a
 * provider's error may echo the key alone). Every source's URL is added when its client is made,
 * and every ChainSourceError's detail is cleaned of all of them, wherever it was written.
 */
const secretPieces = new Set<string>()
let longestFirst: ReadonlyArray<string> = []

/** Adds the secret pieces of `url` to those no ChainSourceError may carry. */
export const guardUrl = (url: string): void => {
  const add = (piece: string) => {
    if (piece.length >= 6) secretPieces.add(piece)
    try {
      const decoded = decodeURIComponent(piece)
      if (decoded.length >= 6) secretPieces.add(decoded)
    } catch { /* not percent-encoded */ }
  }
  add(url)
  add(url.replace(/\/+$/, ""))
  try {
    const u = new URL(url)
    add(`${u.pathname}${u.search}`)
    add(u.username)
    add(u.password)
    for (const segment of u.pathname.split("/")) add(segment)
    for (const [name, value] of u.searchParams) {
      add(value)
      add(`${name}=${value}`)
    }
  } catch { /* the whole text is guarded */ }
  longestFirst = [...secretPieces].sort((a, b) => b.length - a.length)
}

/** `text` with every guarded piece replaced by "…". */
export const scrubSecrets = (text: string): string => {
  let out = text
  for (const piece of longestFirst) if (out.includes(piece)) out = out.split(piece).join("…")
  return out
}
