/**
 * A Transactor that behaves as PostgreSQL does when a serializable transaction loses a race: every
 * outermost transaction runs once, is rolled back at its end, and runs again. A use case that does
 * anything but storage inside its transaction (publishes a notice, calls a service, counts in a
 * variable outside it) shows it twice under this transactor. Nested transactions join the outer one.
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import { Transactor } from "../Transactor.js"
import { MemoryStore } from "./MemoryStore.js"

/** The first attempt's end: the store rolls it back, and the body runs again. */
class LostRace {
  readonly _tag = "LostRace"
}

export const TransactorRetrying: Layer.Layer<Transactor, never, MemoryStore> = Layer.effect(
  Transactor,
  Effect.map(MemoryStore, (store) => {
    const inside = FiberRef.unsafeMake(false)
    const once = <A, E, R>(effect: Effect.Effect<A, E, R>) => store.withTransaction(Effect.locally(effect, inside, true))
    return Transactor.of({
      withTransaction: (effect) =>
        Effect.flatMap(FiberRef.get(inside), (nested) =>
          nested
            ? effect
            : once(Effect.zipRight(effect, Effect.die(new LostRace()))).pipe(
              Effect.catchAllCause((cause) =>
                Cause.isDie(cause) && Cause.squash(cause) instanceof LostRace ? once(effect) : Effect.failCause(cause)
              )
            ))
    })
  })
)
