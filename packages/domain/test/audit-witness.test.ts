/**
 * The money log's head as an outside witness: the daily job seals what is pending and sends the head to
 * the admins (AuditHead); every withdrawal's notice carries the head with that withdrawal sealed into it;
 * a head noted earlier is checked against the chain (`verify` with `noted`).
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { AddressBook, AuditLog, Audits, formatHead, idempotencyKey, Ledger, parseHead, TelegramId, Users, Withdrawals } from "../src/index.js"
import { EventLog, WalletControl } from "../src/testing/memory.js"
import { admin, cli, shop, usd } from "./support.js"

const user = TelegramId.make(42)
const credit = (n: number) =>
  Effect.flatMap(Ledger, (l) => l.adjust(cli, { user, direction: "credit", amount: usd(100n), reason: "test", key: idempotencyKey("w", n) }))

describe("the money log's witness", () => {
  it.effect("the daily witness seals what is pending and sends the head to the admins", () =>
    Effect.gen(function*() {
      const events = yield* EventLog
      yield* (yield* Audits).witness
      expect(yield* events.ofTag("AuditHead")).toEqual([]) // nothing sealed yet: no head to send
      yield* (yield* Users).register({ id: user, username: null, language: null })
      yield* credit(1)
      yield* credit(2)
      yield* (yield* Audits).witness
      const [sent] = yield* events.ofTag("AuditHead")
      expect(sent).toMatchObject({ head: { seq: 2 }, keyed: false })
      expect(sent!.head).toEqual(yield* (yield* AuditLog).head)
      expect((yield* (yield* AuditLog).verify).unsealed).toBe(0)
    }).pipe(Effect.provide(shop())))

  it.effect("a withdrawal's notice carries the head, with the withdrawal sealed into it", () =>
    Effect.gen(function*() {
      yield* (yield* Users).register({ id: user, username: null, language: null })
      yield* credit(1)
      yield* (yield* WalletControl).fund("ETH", 10n ** 18n)
      const destination = "0x52908400098527886E0F7030069857D2E4169EE7"
      yield* (yield* AddressBook).add(cli, "ETH", destination)
      yield* (yield* Withdrawals).execute(admin, { asset: "ETH", destination, scope: { kind: "all" } }, idempotencyKey("w1"))
      const [executed] = yield* (yield* EventLog).ofTag("WithdrawalExecuted")
      expect(executed!.head).toEqual({ seq: 2, hash: expect.any(String) }) // the credit and the withdrawal
      expect(executed!.head).toEqual(yield* (yield* AuditLog).head)
    }).pipe(Effect.provide(shop())))

  it.effect("a noted head: the same, rewritten, or beyond the head", () =>
    Effect.gen(function*() {
      yield* (yield* Users).register({ id: user, username: null, language: null })
      yield* credit(1)
      const audits = yield* Audits
      const head = (yield* audits.verify(cli)).head!
      const noted = { seq: 1, hash: head }
      expect(parseHead(formatHead(noted))).toEqual(noted)
      expect(parseHead("0:abc")).toBeNull()
      expect((yield* audits.verify(cli, noted)).noted).toEqual({ head: noted, found: "same" })
      expect((yield* audits.verify(cli, { seq: 1, hash: "f00" })).noted?.found).toBe("rewritten")
      expect((yield* audits.verify(cli, { seq: 5, hash: "f00" })).noted?.found).toBe("beyond the head")
    }).pipe(Effect.provide(shop())))
})
