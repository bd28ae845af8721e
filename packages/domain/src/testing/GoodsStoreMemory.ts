import * as Layer from "effect/Layer"
import * as Effect from "effect/Effect"
import { GoodsStore } from "../GoodsKeys.js"

/** Memory holds no goods at rest: nothing to re-seal. */
export const GoodsStoreMemory: Layer.Layer<GoodsStore> = Layer.succeed(GoodsStore, GoodsStore.of({ reseal: () => Effect.succeed(0) }))
