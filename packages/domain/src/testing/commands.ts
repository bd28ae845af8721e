/**
 * The random commands of the shop properties: what buyers and admins do, with the weights they are
 * drawn by. Most are one step (steps.ts); a few are recipes the runner turns into steps from the
 * model's state: a checkout with the balance set to exactly the cart's cost (or one below), a repeated
 * confirmation, a gateway report built for a payment, and a group of steps run concurrently.
 */
import * as fc from "effect/FastCheck"
import type { InvoiceAsset, RateAsset, Step } from "./steps.js"

/** How a gateway report relates to the payment it is about. */
export type ReportKind =
  | "exact" | "over" | "under" | "dust" | "unpaid" | "expired" | "wrongAsset" | "wrongCurrency" | "noAmount" | "zero"

type Simple = Extract<Step, { readonly _tag: "Register" | "Ban" | "Import" | "Add" | "SetQuantity" | "Remove" | "Checkout" | "Refund" | "Deposit" | "OpenPayment" | "Expire" | "DeleteSubcategory" }>

export type RaceCommand =
  | Extract<Step, { readonly _tag: "Checkout" | "Refund" | "Deposit" }>
  /** `tie`: instead of `units`, the units worth exactly the n-th half cent (or the first such tie after it) plus `offset`. */
  | {
    readonly _tag: "RateDeposit"
    readonly user: number
    readonly asset: RateAsset
    readonly units: bigint
    readonly tie: { readonly n: bigint; readonly offset: bigint } | null
    readonly tx: number
    readonly output: number
  }
  /** A report for the `payment`-th payment: units and cents are used where the kind needs them, bp for "under". */
  | { readonly _tag: "Settle"; readonly payment: number; readonly report: ReportKind; readonly units: bigint; readonly cents: bigint; readonly bp: bigint }

export type Command =
  | Simple
  | RaceCommand
  | { readonly _tag: "Adjust"; readonly user: number; readonly debit: boolean; readonly cents: bigint; readonly key: number }
  /** Adds to the cart, sets the balance to the cart's cost plus `offset` (0 or -1) with an admin adjustment, then checks out. */
  | { readonly _tag: "EdgeCheckout"; readonly user: number; readonly sub: number; readonly quantity: number; readonly key: number; readonly offset: bigint }
  /** Puts one item back in the cart, then confirms the user's last purchase's key again. */
  | { readonly _tag: "RepeatCheckout"; readonly user: number; readonly sub: number }
  /** Runs its members at once (on several connections when the adapters give several). */
  | { readonly _tag: "Race"; readonly members: ReadonlyArray<RaceCommand> }
  /** Each user puts one item of `sub` in the cart, then all check out at once (with one key). */
  | { readonly _tag: "Rush"; readonly users: ReadonlyArray<number>; readonly sub: number; readonly key: number }
  /** The user puts one item of `sub` in the cart, then a refund of a purchase (theirs when they have one) races the checkout. */
  | { readonly _tag: "RefundRush"; readonly user: number; readonly sub: number; readonly key: number; readonly buy: number }

/** Buyers and subcategories a sequence plays with. */
export const USERS = 4
export const SUBS = 3

/** Amounts at the edges: nothing, one, around 2^53 (where a float stops being exact) and beyond 2^64. */
export const BOUNDARY_AMOUNTS: ReadonlyArray<bigint> = [0n, 1n, 2n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 64n - 1n, 2n ** 64n + 1n]

const user = fc.integer({ min: 0, max: USERS - 1 })
/** Mostly the subcategories stocked at the start; the last one is imported (or not) by the sequence. */
const sub = fc.oneof({ arbitrary: fc.integer({ min: 0, max: SUBS - 2 }), weight: 3 }, { arbitrary: fc.constant(SUBS - 1), weight: 1 })
const key = fc.integer({ min: 0, max: 2 })
const tx = fc.integer({ min: 0, max: 5 })
const output = fc.integer({ min: 0, max: 1 })
const edgy = (typical: fc.Arbitrary<bigint>, weight = 6) =>
  fc.oneof({ arbitrary: typical, weight }, { arbitrary: fc.constantFrom(...BOUNDARY_AMOUNTS), weight: 1 })
const cents = edgy(fc.bigInt({ min: 1n, max: 3_000n }))
const price = fc.oneof(
  { arbitrary: fc.bigInt({ min: 1n, max: 1_500n }), weight: 12 },
  { arbitrary: fc.constantFrom(1n, 2n ** 53n - 1n, 2n ** 53n + 1n, 2n ** 64n + 1n), weight: 1 }
)
/** Crypto units: small ones round to a few cents (and hit half-cent ties), large ones to many dollars. */
const units = edgy(fc.oneof(fc.bigInt({ min: 1n, max: 1_000n }), fc.bigInt({ min: 1n, max: 10n ** 8n }), fc.bigInt({ min: 1n, max: 10n ** 17n })))
const quantity = (least: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: least, max: 2 }), weight: 10 },
    { arbitrary: fc.constantFrom(-1, 0, 1.5, 1_000, 1_001, Number.MAX_SAFE_INTEGER + 2), weight: 1 }
  )
const reportKind = (kinds: ReadonlyArray<ReportKind>) => fc.constantFrom(...kinds)
const PAID: ReadonlyArray<ReportKind> = ["exact", "over", "under", "dust", "wrongAsset", "wrongCurrency", "noAmount", "zero"]
/** Shortfalls in basis points around the tolerances the suites run with (0 and 0.5 %). */
const bp = fc.constantFrom(1n, 49n, 50n, 51n, 5_000n)
const record = <T extends Record<string, fc.Arbitrary<unknown>>>(tag: string, fields: T) =>
  fc.record({ _tag: fc.constant(tag), ...fields })

const settle = (kinds: ReadonlyArray<ReportKind>) =>
  record("Settle", { payment: fc.integer({ min: 0, max: 4 }), report: reportKind(kinds), units, cents, bp })
const deposit = record("Deposit", { user, cents, units: edgy(fc.bigInt({ min: 1n, max: 10n ** 8n })), tx, output })
const tie = fc.option(fc.record({ n: fc.bigInt({ min: 0n, max: 60n }), offset: fc.constantFrom(-1n, 0n, 0n, 1n) }), { nil: null, freq: 2 })
const rateDeposit = record("RateDeposit", { user, asset: fc.constantFrom<RateAsset>("BTC", "LTC", "ETH", "DOGE"), units, tie, tx, output })
const checkout = record("Checkout", { user, key })
const refund = record("Refund", { buy: fc.integer({ min: 0, max: 5 }) })

/**
 * Concurrent groups: refunds racing checkouts and each other, one deposit replayed at once (by several
 * users), one settlement report applied at once, a mix. (Rush and RefundRush fill the carts first.)
 */
const race = fc.oneof(
  fc.tuple(refund, fc.array(fc.oneof(checkout, refund), { minLength: 1, maxLength: 3 })).map(([r, rest]) => [r, ...rest]),
  fc.tuple(fc.oneof(deposit, rateDeposit), fc.integer({ min: 2, max: 4 }), fc.array(user, { minLength: 4, maxLength: 4 }))
    .map(([d, n, users]) => Array.from({ length: n }, (_, i) => i === 0 ? d : { ...d, user: users[i]! })),
  fc.tuple(settle(["exact", "over", "under"]), fc.integer({ min: 2, max: 3 })).map(([s, n]) => Array.from({ length: n }, () => s)),
  fc.array(fc.oneof(checkout, refund, deposit, settle(PAID)), { minLength: 2, maxLength: 4 })
).map((members) => ({ _tag: "Race", members }))

export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: record("Register", { user }), weight: 2 },
  { arbitrary: record("Ban", { user, banned: fc.boolean() }), weight: 1 },
  { arbitrary: deposit, weight: 3 },
  { arbitrary: rateDeposit, weight: 2 },
  { arbitrary: record("Import", { sub, prices: fc.array(price, { minLength: 1, maxLength: 4 }) }), weight: 3 },
  { arbitrary: record("Add", { user, sub, quantity: quantity(1) }), weight: 5 },
  { arbitrary: record("SetQuantity", { user, sub, quantity: quantity(0) }), weight: 2 },
  { arbitrary: record("Remove", { user, sub }), weight: 1 },
  { arbitrary: checkout, weight: 4 },
  { arbitrary: record("EdgeCheckout", { user, sub, quantity: fc.integer({ min: 1, max: 2 }), key, offset: fc.constantFrom(0n, -1n) }), weight: 3 },
  { arbitrary: record("RepeatCheckout", { user, sub }), weight: 1 },
  { arbitrary: race, weight: 3 },
  { arbitrary: record("Rush", { users: fc.array(user, { minLength: 2, maxLength: 4 }), sub, key }), weight: 2 },
  { arbitrary: record("RefundRush", { user, sub, key, buy: fc.integer({ min: 0, max: 5 }) }), weight: 2 },
  { arbitrary: refund, weight: 2 },
  { arbitrary: record("Adjust", { user, debit: fc.boolean(), cents, key: fc.integer({ min: 0, max: 4 }) }), weight: 2 },
  { arbitrary: record("OpenPayment", { user, asset: fc.constantFrom<InvoiceAsset>("BTC", "USDT_ERC20"), cents: fc.option(edgy(fc.bigInt({ min: 500n, max: 5_000n }), 3)) }), weight: 2 },
  { arbitrary: record("Expire", { payment: fc.integer({ min: 0, max: 4 }) }), weight: 1 },
  { arbitrary: settle([...PAID, "unpaid", "expired"]), weight: 3 },
  { arbitrary: record("DeleteSubcategory", { sub }), weight: 1 }
) as fc.Arbitrary<Command>
