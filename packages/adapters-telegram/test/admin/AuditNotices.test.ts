/** The money log's notices to the admins: the daily head (and, unkeyed, what that cannot show), a withdrawal's head line, a refused checkout. */
import { describe, expect, it } from "@effect/vitest"
import { type DomainEvent, money, TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { auditNotice, headLine } from "../../src/admin/audit/AuditNotices.js"
import { loadTranslator } from "../../src/I18n.js"

describe("the money log's notices to the admins", () => {
  const translator = loadTranslator()
  const told: Array<string> = []
  const channel = {
    tell: (text: string) => Effect.sync(() => void told.push(text)),
    t: (key: string, args?: Record<string, string | number>) => translator.t("en", key, args)
  }
  const notice = (event: DomainEvent) => Effect.runSync(auditNotice(event, channel) ?? Effect.die("no notice"))
  const head = { seq: 12, hash: "k1.0a1b2c3d." + "e".repeat(64) }

  it("the head as SEQ:HASH, to keep and check with audit verify --head; unkeyed, what it cannot show", () => {
    notice({ _tag: "AuditHead", head, keyed: true })
    expect(told.at(-1)).toContain(`Money log head: <code>12:${head.hash}</code>`)
    expect(told.at(-1)).toContain(`tokenshop audit verify --head <code>12:${head.hash}</code>`)
    expect(told.at(-1)).not.toContain("not keyed")
    notice({ _tag: "AuditHead", head, keyed: false })
    expect(told.at(-1)).toContain("The log is not keyed")
    expect(headLine(channel.t, head)).toBe(`\n🧾 Money log head: <code>12:${head.hash}</code>`)
    expect(headLine(channel.t, null)).toBe("")
  })

  it("a checkout refused over a balance that does not add up", () => {
    const balance = (top: bigint) => ({ topUp: money(top, "USD"), consumed: money(0n, "USD"), available: money(top, "USD") })
    notice({ _tag: "BalanceUnverified", user: TelegramId.make(5), stored: balance(100_000n), entries: balance(1_000n) })
    expect(told.at(-1)).toContain("Checkout refused for user 5: the stored balance ($1,000.00) is not what their ledger entries add up to ($10.00)")
    expect(auditNotice({ _tag: "PaymentExpired" } as DomainEvent, channel)).toBeNull()
  })
})
