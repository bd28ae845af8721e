import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { AuditLog } from "../../AuditLog.js"
import { BuyId } from "../../Ids.js"
import { LedgerRepo } from "../../Ledger.js"
import { crypto } from "../../Money.js"
import type { UserRepo } from "../../Users.js"
import { WithdrawalRepo } from "../../Withdrawals.js"
import { type ContractLayer, freshKey, freshTime, registered, usd } from "./support.js"

/** The AuditLog contract: every money record (and every goods reveal) is sealed once, in order, and a clean chain verifies. */
export const auditLogContract = (name: string, layer: ContractLayer<AuditLog | LedgerRepo | WithdrawalRepo | UserRepo>) =>
  describe(`AuditLog contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, AuditLog | LedgerRepo | WithdrawalRepo | UserRepo>) => Effect.provide(self, layer)
    const sealAll = Effect.flatMap(AuditLog, (log) => Effect.iterate(0, { while: (n) => n >= 0, body: () => log.seal(1000).pipe(Effect.map((k) => (k === 0 ? -1 : k))) }))

    it.live("ledger entries, withdrawals and goods reveals are sealed once each, oldest first, and verify clean", () =>
      run(Effect.gen(function*() {
        const log = yield* AuditLog
        yield* sealAll
        const before = yield* log.verify
        expect(before.unsealed).toBe(0)
        const user = yield* registered()
        const ledger = yield* LedgerRepo
        const at = freshTime()
        yield* ledger.append({ user, kind: "deposit", amount: usd(1_000n), key: freshKey("audit"), reason: null, actor: null, ref: null, createdAt: at })
        yield* ledger.append({ user, kind: "admin_debit", amount: usd(250n), key: freshKey("audit"), reason: "fee; with ;separators\u001f", actor: "admin 1", ref: null, createdAt: at })
        yield* (yield* WithdrawalRepo).record({
          key: freshKey("audit-w"), asset: "LTC", destination: "ltc1q", scope: { kind: "all" }, total: crypto(5n, "LTC"), networkFee: crypto(1n, "LTC"),
          serviceFee: crypto(0n, "LTC"), receiving: crypto(4n, "LTC"), txIds: ["t1"], admin: "admin 1", createdAt: at
        })
        yield* log.reveal({ admin: "admin 1", buy: BuyId.make(77), user, items: 3, at })
        expect((yield* log.verify).unsealed).toBe(4)
        expect(yield* log.seal(2)).toBe(2)
        expect(yield* log.seal(10)).toBe(2)
        expect(yield* log.seal(10)).toBe(0)
        const after = yield* log.verify
        expect(after.problems).toEqual([])
        expect(after.sealed).toBe(before.sealed + 4)
        expect(after.unsealed).toBe(0)
        expect(after.head).not.toBe(before.head)
        expect(after.head).toMatch(/^[0-9a-f]+$/)
      })))
  })
