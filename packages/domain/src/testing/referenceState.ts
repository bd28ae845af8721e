/**
 * The reference model's state: the whole shop as plain maps and arrays, money as bigint, every
 * entity named by the model's own references (user index, subcategory index, item number in import
 * order, purchase and payment number in creation order). `observable` turns it into the same plain
 * description the runner reads back from a real shop.
 */

/** The settings the rules depend on, read from the shop's configuration. */
export interface ModelConfig {
  /** The shop currency's code and minor-unit digits (2 for USD). */
  readonly currency: string
  readonly digits: number
  readonly maxLineQuantity: number
  readonly maxPendingPayments: number
  readonly toleranceBp: number
  readonly topUpMin: bigint
  readonly topUpMax: bigint
  /** Buyers a sequence plays with: users 0 .. users - 1. */
  readonly users: number
}

export interface ModelItem {
  /** 1, 2, ... in import order across all subcategories: oldest first is lowest first. */
  readonly id: number
  readonly sub: number
  readonly price: bigint
  sold: boolean
  /** Removed with its deleted subcategory while unsold. */
  dropped: boolean
}

export interface ModelBuy {
  readonly user: number
  readonly key: number
  readonly items: ReadonlyArray<number>
  readonly total: bigint
  refunded: boolean
}

export interface ModelDeposit {
  readonly user: number
  readonly fiat: bigint
}

export interface ModelPayment {
  readonly user: number
  readonly asset: string
  /** The fiat amount asked, or null for an open deposit. */
  readonly fiat: bigint | null
  /** The crypto amount the gateway fixed, or null. */
  readonly units: bigint | null
  readonly externalId: string
  status: "pending" | "paid" | "expired"
}

export interface CartLine {
  readonly sub: number
  quantity: number
}

export interface ModelState {
  readonly config: ModelConfig
  readonly users: Map<number, { banned: boolean }>
  readonly balances: Map<number, { topUp: bigint; consumed: bigint; entries: number }>
  /** Every ledger key used so far, with what it was used for. */
  readonly ledgerKeys: Map<string, { readonly user: number; readonly kind: string; readonly amount: bigint }>
  /** Subcategories imported at least once; `live` until deleted (a new import revives it). */
  readonly subs: Map<number, { live: boolean }>
  readonly items: Array<ModelItem>
  readonly carts: Map<number, Array<CartLine>>
  readonly buys: Array<ModelBuy>
  /** "user:key" -> the purchase's number. */
  readonly checkoutKeys: Map<string, number>
  /** By source key ("chain:LTC:tx1:0", "processor:memory:mem-1"). */
  readonly deposits: Map<string, ModelDeposit>
  readonly payments: Array<ModelPayment>
  /** Invoices the in-memory gateway has issued: the next one is "mem-(n+1)". */
  invoices: number
}

export const emptyModel = (config: ModelConfig): ModelState => ({
  config,
  users: new Map(),
  balances: new Map(),
  ledgerKeys: new Map(),
  subs: new Map(),
  items: [],
  carts: new Map(),
  buys: [],
  checkoutKeys: new Map(),
  deposits: new Map(),
  payments: [],
  invoices: 0
})

/** A deep copy: the serialization search runs each ordering on its own copy. */
export const cloneModel = (m: ModelState): ModelState => {
  const copies = <K, V extends object>(map: Map<K, V>) => new Map([...map].map(([k, v]) => [k, { ...v }]))
  return {
    config: m.config,
    users: copies(m.users),
    balances: copies(m.balances),
    ledgerKeys: new Map(m.ledgerKeys),
    subs: copies(m.subs),
    items: m.items.map((i) => ({ ...i })),
    carts: new Map([...m.carts].map(([u, lines]) => [u, lines.map((l) => ({ ...l }))])),
    buys: m.buys.map((b) => ({ ...b })),
    checkoutKeys: new Map(m.checkoutKeys),
    deposits: new Map(m.deposits),
    payments: m.payments.map((p) => ({ ...p })),
    invoices: m.invoices
  }
}

export const balanceOf = (m: ModelState, user: number) => {
  let b = m.balances.get(user)
  if (b === undefined) {
    b = { topUp: 0n, consumed: 0n, entries: 0 }
    m.balances.set(user, b)
  }
  return b
}
export const availableOf = (m: ModelState, user: number): bigint => {
  const b = m.balances.get(user)
  return b === undefined ? 0n : b.topUp - b.consumed
}

/** Adds one ledger entry; credits raise top_up, debits raise consumed, a refund lowers consumed. */
export const addEntry = (m: ModelState, user: number, kind: string, amount: bigint, key: string): void => {
  const b = balanceOf(m, user)
  if (kind === "deposit" || kind === "admin_credit") b.topUp += amount
  else if (kind === "refund") b.consumed -= amount
  else b.consumed += amount
  b.entries++
  m.ledgerKeys.set(key, { user, kind, amount })
}

/** The unsold items of a subcategory, oldest first; none when it is deleted or was never imported. */
export const unsoldOf = (m: ModelState, sub: number): Array<ModelItem> =>
  m.subs.get(sub)?.live === true ? m.items.filter((i) => i.sub === sub && !i.sold && !i.dropped) : []

const sum = (xs: ReadonlyArray<bigint>) => xs.reduce((a, b) => a + b, 0n)

/** The cart as the buyer sees it: each line's stock and what its next items cost now. */
export const cartView = (m: ModelState, user: number) => {
  const lines = (m.carts.get(user) ?? []).map((l) => {
    const unsold = unsoldOf(m, l.sub)
    return {
      sub: l.sub,
      quantity: l.quantity,
      stock: unsold.length,
      lineTotal: sum(unsold.slice(0, l.quantity).map((i) => i.price)),
      available: unsold.length >= l.quantity
    }
  })
  return {
    lines: lines.map((l) => ({ ...l, lineTotal: String(l.lineTotal) })),
    total: String(sum(lines.map((l) => l.lineTotal))),
    ready: lines.length > 0 && lines.every((l) => l.available)
  }
}

/** What a purchase looks like in the observed state: its items, total and whether it was refunded. */
export const describeBuy = (items: ReadonlyArray<number | string>, total: bigint, refunded: boolean): string =>
  `${items.join(",")}=${total}${refunded ? " refunded" : ""}`

/**
 * The state the shop must show: per user (registered or "absent") the ban, the balance's totals,
 * the number of ledger entries, the cart, the purchases and the deposits; per imported subcategory
 * whether it is live, its stock and its items with their sold flags; and each payment's status.
 * Purchases and deposits are sorted (concurrent writers may number them in another order than
 * they commit in).
 */
export const observable = (m: ModelState) => {
  const users: Record<string, unknown> = {}
  for (let u = 0; u < m.config.users; u++) {
    const user = m.users.get(u)
    if (user === undefined) {
      users[u] = "absent"
      continue
    }
    const b = m.balances.get(u) ?? { topUp: 0n, consumed: 0n, entries: 0 }
    users[u] = {
      banned: user.banned,
      topUp: String(b.topUp),
      consumed: String(b.consumed),
      available: String(b.topUp - b.consumed),
      entries: b.entries,
      cart: (m.carts.get(u) ?? []).map((l) => `${l.sub}*${l.quantity}`),
      buys: m.buys.filter((b) => b.user === u).map((b) => describeBuy(b.items, b.total, b.refunded)).sort(),
      deposits: [...m.deposits].filter(([, d]) => d.user === u).map(([key, d]) => `${key}=${d.fiat}`).sort()
    }
  }
  const subs: Record<string, unknown> = {}
  for (const [s, { live }] of [...m.subs].sort(([a], [b]) => a - b)) {
    subs[s] = {
      live,
      stock: live ? unsoldOf(m, s).length : null,
      items: m.items.filter((i) => i.sub === s && !i.dropped).map((i) => `${i.id}${i.sold ? " sold" : ""}`)
    }
  }
  return { users, subs, payments: m.payments.map((p) => p.status) }
}
