/**
 * Two-admin approval on the workflow engine over SQLite: a withdrawal asked for before a restart is
 * approved after it and sent once by the resumed workflow (the DurableDeferred completed from the
 * approving admin's call), and one nobody decides expires on the engine's durable clock, sending nothing.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import {
  AddressBook, type ApprovalId, ApprovalRepo, crypto, ShopConfig, ShopLive, TelegramId, WithdrawalApprovals, Withdrawals, idempotencyKey, operator
} from "@tokenshop/domain"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, WalletControl,
  WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, describe, expect, it } from "vitest"
import { EngineLive } from "../src/Announcing.js"
import { ApprovalRunnerLive, ApprovingLive } from "../src/Approving.js"

const A = { kind: "telegram", id: TelegramId.make(1) } as const
const B = { kind: "telegram", id: TelegramId.make(2) } as const
const destination = "0x52908400098527886E0F7030069857D2E4169EE7"
const request = { asset: "ETH", destination, scope: { kind: "all" } } as const

describe("two-admin approval on the workflow engine", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-approve-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** The wallet outlives the shop's restarts, as the processor's does. */
  const wallet = Effect.runSync(Effect.scoped(Layer.build(WalletProcessorMemory())))
  const shop = (file: string, approvalTtl: Duration.Duration) => {
    const services = Layer.mergeAll(
      NotifierMemory, PaymentGatewayMemory(), Layer.succeedContext(wallet), AddressValidatorMemory, AddressDeriverMemory(), PriceSourceMemory(),
      BroadcasterMemory, ApprovalRunnerLive
    ).pipe(Layer.provideMerge(EngineLive), Layer.provideMerge(SqliteStorage({ filename: join(dir, file) })))
    const config = ShopConfig.layer({ admins: new Set([A.id, B.id]), withdrawals: { approvalTtl } })
    const core = ShopLive.pipe(Layer.provideMerge(services), Layer.provideMerge(config))
    return ManagedRuntime.make(Layer.merge(ApprovingLive.pipe(Layer.provide(core)), core))
  }
  const stateOf = (rt: ReturnType<typeof shop>, id: ApprovalId) =>
    rt.runPromise(Effect.map(Effect.flatMap(WithdrawalApprovals, (a) => a.get(operator("t"), id)), (a) => a.state))
  const until = async (rt: ReturnType<typeof shop>, id: ApprovalId, wanted: string) => {
    let state = await stateOf(rt, id)
    for (let i = 0; i < 150 && state !== wanted; i++) {
      await new Promise((r) => setTimeout(r, 100))
      state = await stateOf(rt, id)
    }
    return state
  }
  const ask = (n: number) =>
    Effect.gen(function*() {
      yield* (yield* AddressBook).add(operator("t"), "ETH", destination)
      yield* Context.get(wallet, WalletControl).fund("ETH", 10n ** 18n)
      const outcome = yield* (yield* Withdrawals).execute(A, request, idempotencyKey("approve-e2e", n))
      if (outcome._tag !== "AwaitingApproval") return yield* Effect.die("expected to wait")
      return outcome.approval.id
    })

  it("a request made before a restart is approved after it and sent once by the resumed workflow", async () => {
    const first = shop("restart.db", Duration.hours(24))
    const id = await first.runPromise(ask(1))
    await first.dispose()

    const second = shop("restart.db", Duration.hours(24))
    const approved = await second.runPromise(Effect.flatMap(WithdrawalApprovals, (a) => a.approve(B, id)))
    expect(approved.state).toBe("approved") // the workflow sends, not the approving call
    expect(await until(second, id, "sent")).toBe("sent")
    expect(await Effect.runPromise(Context.get(wallet, WalletControl).sent)).toHaveLength(1)
    await second.dispose()
  }, 60_000)

  it("a request whose workflow never started (a crash right after it was recorded) is still sent once approved", async () => {
    const rt = shop("orphan.db", Duration.hours(24))
    const id = await rt.runPromise(Effect.gen(function*() {
      yield* (yield* AddressBook).add(operator("t"), "ETH", destination)
      yield* Context.get(wallet, WalletControl).fund("ETH", 10n ** 18n)
      const at = new Date()
      const { approval } = yield* (yield* ApprovalRepo).create({
        key: idempotencyKey("approve-e2e", 3), request, value: null, reason: "amount", requestedBy: "admin 1", createdAt: at, expiresAt: new Date(at.getTime() + 3_600_000),
        previewed: { total: crypto(10n ** 18n, "ETH"), networkFee: crypto(10n ** 16n, "ETH") }
      })
      return approval.id
    }))
    const sentBefore = (await Effect.runPromise(Context.get(wallet, WalletControl).sent)).length
    await rt.runPromise(Effect.flatMap(WithdrawalApprovals, (a) => a.approve(B, id)))
    expect(await until(rt, id, "sent")).toBe("sent")
    expect(await Effect.runPromise(Context.get(wallet, WalletControl).sent)).toHaveLength(sentBefore + 1)
    await rt.dispose()
  }, 60_000)

  it("a request nobody decides expires on the engine's clock and sends nothing", async () => {
    const sentBefore = (await Effect.runPromise(Context.get(wallet, WalletControl).sent)).length
    const rt = shop("expiry.db", Duration.seconds(2))
    const id = await rt.runPromise(ask(2))
    expect(await until(rt, id, "expired")).toBe("expired")
    const refused = await rt.runPromise(Effect.flip(Effect.flatMap(WithdrawalApprovals, (a) => a.approve(B, id))))
    expect(refused.message).toContain("expired")
    expect(await Effect.runPromise(Context.get(wallet, WalletControl).sent)).toHaveLength(sentBefore)
    await rt.dispose()
  }, 60_000)
})
