/**
 * Other shops over the same database as the shop under test: another connection pool, or another
 * process. When a property's layer provides ShopPeers, the members of a concurrent group are spread
 * over the shop and its peers, so the race runs on several connections at once.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type DriverServices, runStep } from "./driver.js"
import type { Outcome, Refs, Step } from "./steps.js"

/**
 * Runs steps on one shop. A step given a `startAt` (epoch milliseconds) waits for that instant, so
 * that the members of a group start together on every lane, whatever it takes to reach the lane.
 */
export interface ShopLane {
  readonly run: (step: Step, refs: Refs, startAt?: number) => Effect.Effect<Outcome>
}

/** Waits until `startAt`, if given. */
export const waitUntil = (startAt: number | undefined): Effect.Effect<void> =>
  startAt === undefined ? Effect.void : Effect.suspend(() => Effect.sleep(Math.max(0, startAt - Date.now())))

export class ShopPeers extends Context.Tag("@tokenshop/domain/testing/ShopPeers")<ShopPeers, ReadonlyArray<ShopLane>>() {}

/** A lane over a shop built in this process. */
export const laneOf = (shop: Context.Context<DriverServices>): ShopLane => ({
  run: (step, refs, startAt) => Effect.zipRight(waitUntil(startAt), Effect.provide(runStep(step, refs), shop))
})

/**
 * ShopPeers from `count` shops, each built from `makePeer` (e.g. a shop whose storage is a new pool
 * over the same database), in the scope of the property's run.
 */
export const peerShops = <E>(count: number, makePeer: () => Layer.Layer<DriverServices, E>): Layer.Layer<ShopPeers, E> =>
  Layer.scoped(ShopPeers, Effect.forEach(Array.from({ length: count }), () => Effect.map(Layer.build(makePeer()), laneOf)))
