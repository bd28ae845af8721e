import * as Chunk from "effect/Chunk"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"
import { type DomainEvent, Notifier } from "../Events.js"

/** What the in-memory notifier has received, oldest first. */
export class EventLog extends Context.Tag("@tokenshop/domain/testing/EventLog")<EventLog, {
  readonly events: Effect.Effect<ReadonlyArray<DomainEvent>>
  readonly ofTag: <T extends DomainEvent["_tag"]>(tag: T) => Effect.Effect<ReadonlyArray<Extract<DomainEvent, { _tag: T }>>>
  readonly clear: Effect.Effect<void>
}>() {}

/** A Notifier that records every event; read them through EventLog. */
export const NotifierMemory: Layer.Layer<Notifier | EventLog> = Layer.effectContext(Effect.gen(function*() {
  const log = yield* Ref.make(Chunk.empty<DomainEvent>())
  const events = Effect.map(Ref.get(log), Chunk.toReadonlyArray)
  return Context.make(Notifier, Notifier.of({ publish: (event) => Ref.update(log, Chunk.append(event)) })).pipe(
    Context.add(EventLog, EventLog.of({
      events,
      ofTag: <T extends DomainEvent["_tag"]>(tag: T) =>
        Effect.map(events, (all) => all.filter((e): e is Extract<DomainEvent, { _tag: T }> => e._tag === tag)),
      clear: Ref.set(log, Chunk.empty())
    }))
  )
}))
