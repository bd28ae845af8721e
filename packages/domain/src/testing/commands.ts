/** The random commands of the shop properties: what a buyer or an admin may do, with the weights they are drawn by. */
import * as fc from "effect/FastCheck"

export type Command =
  | { readonly _tag: "Register"; readonly user: number }
  | { readonly _tag: "Deposit"; readonly user: number; readonly cents: bigint; readonly tx: number; readonly output: number }
  | { readonly _tag: "Import"; readonly sub: number; readonly prices: ReadonlyArray<bigint> }
  | { readonly _tag: "Add"; readonly user: number; readonly sub: number; readonly quantity: number }
  | { readonly _tag: "Checkout"; readonly user: number; readonly key: number }
  | { readonly _tag: "RepeatCheckout"; readonly user: number; readonly sub: number }
  | { readonly _tag: "ConcurrentCheckouts"; readonly users: ReadonlyArray<number>; readonly key: number }
  | { readonly _tag: "Refund"; readonly buy: number }
  | { readonly _tag: "Adjust"; readonly user: number; readonly debit: boolean; readonly cents: bigint; readonly key: number }
  | { readonly _tag: "OpenPayment"; readonly user: number }
  | { readonly _tag: "Expire"; readonly payment: number }
  | { readonly _tag: "DeleteSubcategory"; readonly sub: number }

/** Buyers and subcategories a sequence plays with. */
export const USERS = 4
export const SUBS = 3
const user = fc.integer({ min: 0, max: USERS - 1 })
const sub = fc.integer({ min: 0, max: SUBS - 1 })
const cents = fc.bigInt({ min: 1n, max: 3_000n })

export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ _tag: fc.constant("Register" as const), user }), weight: 2 },
  { arbitrary: fc.record({ _tag: fc.constant("Deposit" as const), user, cents, tx: fc.integer({ min: 0, max: 6 }), output: fc.integer({ min: 0, max: 1 }) }), weight: 4 },
  { arbitrary: fc.record({ _tag: fc.constant("Import" as const), sub, prices: fc.array(fc.bigInt({ min: 1n, max: 1_500n }), { minLength: 1, maxLength: 4 }) }), weight: 3 },
  { arbitrary: fc.record({ _tag: fc.constant("Add" as const), user, sub, quantity: fc.integer({ min: 1, max: 2 }) }), weight: 4 },
  { arbitrary: fc.record({ _tag: fc.constant("Checkout" as const), user, key: fc.integer({ min: 0, max: 1 }) }), weight: 4 },
  { arbitrary: fc.record({ _tag: fc.constant("RepeatCheckout" as const), user, sub }), weight: 2 },
  { arbitrary: fc.record({ _tag: fc.constant("ConcurrentCheckouts" as const), users: fc.array(user, { minLength: 2, maxLength: 5 }), key: fc.integer({ min: 0, max: 3 }) }), weight: 2 },
  { arbitrary: fc.record({ _tag: fc.constant("Refund" as const), buy: fc.integer({ min: 0, max: 5 }) }), weight: 2 },
  { arbitrary: fc.record({ _tag: fc.constant("Adjust" as const), user, debit: fc.boolean(), cents, key: fc.integer({ min: 0, max: 4 }) }), weight: 2 },
  { arbitrary: fc.record({ _tag: fc.constant("OpenPayment" as const), user }), weight: 1 },
  { arbitrary: fc.record({ _tag: fc.constant("Expire" as const), payment: fc.integer({ min: 0, max: 3 }) }), weight: 1 },
  { arbitrary: fc.record({ _tag: fc.constant("DeleteSubcategory" as const), sub }), weight: 1 }
)
