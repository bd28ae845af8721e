import { afterAll, describe } from "@effect/vitest"
import { chainDepositProperties, storageContracts, updateInboxContract } from "@tokenshop/domain/testing"
import * as Layer from "effect/Layer"
import { SqlUpdateInbox } from "../src/index.js"
import { dropPgSchemas, freshSchema, pgStorage, pgUrl, sqliteStorage } from "./support.js"

storageContracts("sqlite", sqliteStorage())
storageContracts("sqlite (encrypted)", sqliteStorage({ encryptionKey: "contract key" }))
updateInboxContract("sqlite", SqlUpdateInbox.pipe(Layer.provide(sqliteStorage())))

// The shop's reference-model properties on both engines are in shop-properties.test.ts.
describe("the shop's properties on SQLite", () => {
  chainDepositProperties("sqlite", () => sqliteStorage(), { numRuns: 40, timeout: 600_000 })
})

if (pgUrl === undefined) {
  console.log("PostgreSQL contract tests skipped: TEST_DATABASE_URL is not set (.ci/run sets it)")
  describe.skip("PostgreSQL (TEST_DATABASE_URL is not set)", () => {})
} else {
  afterAll(dropPgSchemas)
  storageContracts("postgresql", pgStorage())
  updateInboxContract("postgresql", SqlUpdateInbox.pipe(Layer.provide(pgStorage())))
  describe("the shop's properties on PostgreSQL", () => {
    chainDepositProperties("postgresql", () => pgStorage(freshSchema()), { numRuns: 15, timeout: 600_000 })
  })
}
