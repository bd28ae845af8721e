import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"

/**
 * Runs an effect as one atomic unit over every storage port: all its writes commit together,
 * or, when it fails or is interrupted, none of them. Reads inside see a consistent state.
 * Transactions are serializable: concurrent ones behave as if run one after another. An adapter
 * may re-run a transaction that lost a race, so its effect must only touch the ports.
 * A transaction inside a transaction joins the outer one.
 */
export class Transactor extends Context.Tag("@tokenshop/domain/Transactor")<Transactor, {
  readonly withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}>() {}
