/**
 * The atomic steps of the shop properties: what one buyer or admin does in one call, named by the
 * model's own references (user 0..3, subcategory 0..2, the n-th purchase, the n-th payment).
 * The reference model predicts a step's outcome, the driver runs it on a real shop; both answer
 * with an Outcome of the same shape, so the two compare as plain data.
 */

/** The assets the steps play with: open-amount and quoted invoices, chain deposits valued at a rate. */
export type InvoiceAsset = "BTC" | "USDT_ERC20"
export type RateAsset = "BTC" | "LTC" | "ETH" | "DOGE"

/** What the payment gateway reports about a payment, concrete (amounts already chosen). */
export interface Report {
  readonly paid: boolean
  readonly expired: boolean
  readonly amount: { readonly units: bigint; readonly asset: string } | null
  readonly fiat: { readonly amount: bigint; readonly currency: string } | null
}

export type Step =
  | { readonly _tag: "Register"; readonly user: number }
  | { readonly _tag: "Ban"; readonly user: number; readonly banned: boolean }
  | { readonly _tag: "Import"; readonly sub: number; readonly prices: ReadonlyArray<bigint> }
  | { readonly _tag: "Add"; readonly user: number; readonly sub: number; readonly quantity: number }
  | { readonly _tag: "SetQuantity"; readonly user: number; readonly sub: number; readonly quantity: number }
  | { readonly _tag: "Remove"; readonly user: number; readonly sub: number }
  | { readonly _tag: "Checkout"; readonly user: number; readonly key: number }
  | { readonly _tag: "Refund"; readonly buy: number }
  | { readonly _tag: "Adjust"; readonly user: number; readonly debit: boolean; readonly cents: bigint; readonly key: string }
  /** A chain deposit of LTC valued at a fiat amount given with it. */
  | { readonly _tag: "Deposit"; readonly user: number; readonly cents: bigint; readonly units: bigint; readonly tx: number; readonly output: number }
  /** A chain deposit valued through the price source's rate: one whole coin = value / 10^scale of the shop's currency. */
  | {
    readonly _tag: "RateDeposit"
    readonly user: number
    readonly asset: RateAsset
    readonly units: bigint
    readonly tx: number
    readonly output: number
    readonly price: { readonly value: bigint; readonly scale: number }
  }
  | { readonly _tag: "OpenPayment"; readonly user: number; readonly asset: InvoiceAsset; readonly cents: bigint | null }
  | { readonly _tag: "Expire"; readonly payment: number }
  | { readonly _tag: "Settle"; readonly payment: number; readonly report: Report }
  | { readonly _tag: "DeleteSubcategory"; readonly sub: number }

/** The steps that may race each other in one concurrent group. */
export type RaceStep = Extract<Step, { readonly _tag: "Checkout" | "Refund" | "Deposit" | "RateDeposit" | "Settle" }>

/**
 * A step's outcome: the success value's fields that matter (amounts as decimal strings), the
 * refusal's tag, or `skip` when the step names something that does not exist yet.
 */
export type Outcome =
  | { readonly ok: { readonly [field: string]: unknown } }
  | { readonly err: string }
  | { readonly skip: true }

/**
 * The real ids the runner has learned, so that a step can be run anywhere (in another process too):
 * subcategory ids by index, purchase ids by their order, payment ids by their order.
 */
export interface Refs {
  readonly subs: { readonly [sub: number]: number }
  readonly buys: ReadonlyArray<number>
  readonly payments: ReadonlyArray<number>
}

/** Users are Telegram ids 100, 101, ...; a step names them 0, 1, ... */
export const telegramOf = (user: number): number => 100 + user
export const userOf = (telegram: number): number => telegram - 100

/** Ids that exist in no shop: a step that names what was never created reaches the shop's own refusal. */
export const MISSING_SUB = 900_000
export const MISSING_BUY = 9_000_000
export const MISSING_PAYMENT = 9_000_000

/** Steps and outcomes as JSON (bigints tagged), to run a step on a shop in another process. */
export const encodeJson = (value: unknown): string =>
  JSON.stringify(value, (_, v) => typeof v === "bigint" ? `#big:${v}` : v)
export const decodeJson = <A>(text: string): A =>
  JSON.parse(text, (_, v) => typeof v === "string" && v.startsWith("#big:") ? BigInt(v.slice(5)) : v) as A
