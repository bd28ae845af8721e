/** The money log's daily witness as the shop runs it: a cluster cron run seals what is pending and sends the head to the admins (AuditHead). */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { AuditLog, idempotencyKey, Ledger, money, operator, TelegramId, Users } from "@tokenshop/domain"
import { EventLog, ServicesMemory, ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import { afterAll, describe, expect, it } from "vitest"
import { EngineLive } from "../src/Announcing.js"
import { witnessAt } from "../src/AuditSealing.js"

const dir = mkdtempSync(join(tmpdir(), "tokenshop-witness-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("the money log's witness job", () => {
  it("a run seals what is pending and sends the keyed head to the admins", async () => {
    const storage = SqliteStorage({ filename: join(dir, "shop.db"), goodsKeys: { current: Redacted.make("d4".repeat(32)) } })
    const shop = Layer.merge(ShopMemory({}, { storage, services: ServicesMemory }), storage)
    const runtime = ManagedRuntime.make(witnessAt("* * * * * *").pipe(Layer.provideMerge(EngineLive), Layer.provideMerge(shop)))
    try {
      await runtime.runPromise(Effect.gen(function*() {
        yield* (yield* Users).register({ id: TelegramId.make(5), username: null, language: null })
        yield* (yield* Ledger).adjust(operator("cli"), { user: TelegramId.make(5), direction: "credit", amount: money(100n, "USD"), reason: "t", key: idempotencyKey("c") })
      }))
      let heads: ReadonlyArray<unknown> = []
      for (let i = 0; i < 100 && heads.length === 0; i++) {
        await sleep(100)
        heads = await runtime.runPromise(Effect.flatMap(EventLog, (e) => e.ofTag("AuditHead")))
      }
      const head = await runtime.runPromise(Effect.flatMap(AuditLog, (log) => log.head))
      expect(heads[0]).toMatchObject({ _tag: "AuditHead", head: { seq: 1, hash: expect.stringMatching(/^k1\./) }, keyed: true })
      expect(head).toEqual((heads[0] as { head: unknown }).head)
    } finally {
      await runtime.dispose()
    }
  })
})
