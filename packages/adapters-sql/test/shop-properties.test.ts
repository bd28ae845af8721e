/**
 * The shop against its reference model (shopProperties) on SQLite and PostgreSQL, with concurrent
 * groups really run on several connections: on SQLite through a second process over the same file
 * (peer.ts), on PostgreSQL through a second shop with its own connection pool over the same schema.
 */
import { join } from "node:path"
import { afterAll, describe } from "@effect/vitest"
import { peerShops, shopProperties, ShopMemory, ShopPeers } from "@tokenshop/domain/testing"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { SqliteStorage } from "../src/index.js"
import { sqlitePeer } from "./peer.js"
import { dropPgSchemas, freshSchema, pgStorage, pgUrl, scratchDir } from "./support.js"

describe("the shop's reference-model properties on SQLite", () => {
  const peer = sqlitePeer()
  afterAll(peer.close)
  /**
   * A shop on a new file, and the peer process's shop on the same file: opened once this one has
   * migrated it, closed before the file's directory is removed.
   */
  const shop = () =>
    Layer.unwrapScoped(Effect.map(scratchDir, (dir) => {
      const filename = join(dir, "shop.db")
      const peers = Effect.acquireRelease(Effect.sync(() => peer.open(filename)), () => peer.release(filename))
      return Layer.scoped(ShopPeers, Effect.as(peers, [peer.lane(filename)])).pipe(
        Layer.provideMerge(ShopMemory({}, { storage: SqliteStorage({ filename }) }))
      )
    }))
  shopProperties("sqlite", shop, { numRuns: 100, timeout: 600_000 })
})

if (pgUrl === undefined) {
  console.log("PostgreSQL property tests skipped: TEST_DATABASE_URL is not set (.ci/run sets it)")
  describe.skip("PostgreSQL (TEST_DATABASE_URL is not set)", () => {})
} else {
  afterAll(dropPgSchemas)
  describe("the shop's reference-model properties on PostgreSQL", () => {
    /** A shop on a new schema, and a second shop with its own pool over the same schema (built after the first has migrated it). */
    const shop = () => {
      const schema = freshSchema()
      return peerShops(1, () => ShopMemory({}, { storage: pgStorage(schema, 4) })).pipe(
        Layer.provideMerge(ShopMemory({}, { storage: pgStorage(schema) }))
      )
    }
    shopProperties("postgresql", shop, { numRuns: 40, timeout: 600_000 })
  })
}
