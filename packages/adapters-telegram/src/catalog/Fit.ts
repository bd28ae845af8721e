/**
 * Long texts against Telegram's message limit (4,096 characters): escaped HTML text split into
 * pieces that each fit, cut at a character boundary, never inside an HTML entity ("&amp;") or a
 * surrogate pair. Lengths are counted on the escaped text, which is never shorter than what
 * Telegram counts after parsing, so a piece that fits here fits there.
 */

/** Telegram's limit on a message's text. */
export const MESSAGE_LIMIT = 4096
/** What a screen's text is kept under, leaving room for the locale's own lines. */
export const SAFE_LIMIT = 4000
export const ELLIPSIS = "…"

/** Where to cut `escaped` at most `max` code units in: not inside an entity nor a surrogate pair. */
const cutPoint = (escaped: string, max: number): number => {
  if (escaped.length <= max) return escaped.length
  let end = Math.max(0, max)
  const amp = escaped.lastIndexOf("&", end - 1)
  if (amp >= 0) {
    const semi = escaped.indexOf(";", amp)
    if (semi >= end) end = amp // the entity would be split: cut before it
  }
  const code = escaped.charCodeAt(end - 1)
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1 // a high surrogate without its pair
  return end
}

/** The escaped text cut to at most `max` code units, ending with "…" when cut. */
export const cutEscaped = (escaped: string, max: number): string => {
  if (escaped.length <= max) return escaped
  return escaped.slice(0, cutPoint(escaped, max - ELLIPSIS.length)).trimEnd() + ELLIPSIS
}

/** The escaped text in pieces of at most `max` code units (at least one piece, maybe empty). */
export const splitEscaped = (escaped: string, max: number): ReadonlyArray<string> => {
  const pieces: Array<string> = []
  let rest = escaped
  while (rest.length > max) {
    const end = Math.max(1, cutPoint(rest, max))
    pieces.push(rest.slice(0, end))
    rest = rest.slice(end)
  }
  pieces.push(rest)
  return pieces
}
