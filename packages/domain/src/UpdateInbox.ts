import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/** How many ids per source the in-memory inbox remembers by default. */
export const UPDATE_INBOX_CAPACITY = 10_000

/**
 * Updates claimed before they are handled, so that an update delivered twice (a retry, a restart,
 * two processes polling or receiving webhooks) is handled once.
 */
export class UpdateInbox extends Context.Tag("@tokenshop/domain/UpdateInbox")<UpdateInbox, {
  /**
   * True the first time (source, id) is claimed by any process sharing the storage; false for a
   * repeat. `source` is e.g. "telegram:123456" (a bot id).
   */
  readonly claim: (source: string, id: number) => Effect.Effect<boolean>
  /** Forgets claims made before `before`; how many were forgotten. */
  readonly prune: (before: Date) => Effect.Effect<number>
}>() {
  /**
   * In process memory only (one process): remembers the last `capacity` ids claimed per source. Each
   * source keeps its ids in a Set and their order in a first-in-first-out queue, so forgetting the
   * oldest is O(1) (iterating a Map from its front after many deletions is not).
   */
  static readonly memory = (capacity: number = UPDATE_INBOX_CAPACITY): Layer.Layer<UpdateInbox> =>
    Layer.sync(UpdateInbox, () => {
      const limit = Math.max(1, Math.trunc(capacity))
      const sources = new Map<string, Claims>()
      return UpdateInbox.of({
        claim: (source, id) =>
          Effect.map(Clock.currentTimeMillis, (at) => {
            let claims = sources.get(source)
            if (claims === undefined) sources.set(source, claims = new Claims())
            if (claims.ids.has(id)) return false
            claims.add(id, at)
            while (claims.ids.size > limit) claims.dropOldest()
            return true
          }),
        prune: (before) =>
          Effect.sync(() => {
            let forgotten = 0
            for (const [source, claims] of sources) {
              forgotten += claims.forgetBefore(before.getTime())
              if (claims.ids.size === 0) sources.delete(source)
            }
            return forgotten
          })
      })
    })
}

/** One source's claims: the ids, and (id, time) pairs oldest first in a queue compacted now and then. */
class Claims {
  readonly ids = new Set<number>()
  private order: Array<number> = []
  private times: Array<number> = []
  private head = 0
  add(id: number, at: number) {
    this.ids.add(id)
    this.order.push(id)
    this.times.push(at)
  }
  dropOldest() {
    this.ids.delete(this.order[this.head]!)
    this.head++
    if (this.head > 4096 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head)
      this.times = this.times.slice(this.head)
      this.head = 0
    }
  }
  /** Forgets the claims made before `time` (claims are in time order); how many. */
  forgetBefore(time: number) {
    let n = 0
    while (this.head < this.order.length && this.times[this.head]! < time) {
      this.dropOldest()
      n++
    }
    return n
  }
}
