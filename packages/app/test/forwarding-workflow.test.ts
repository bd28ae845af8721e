/**
 * Forwarding on the workflow engine over SQLite: a credited payment's forwarding is durable work. The
 * process that credited it stops before the forwarding could send (here its address check never
 * answers, then the shop is shut down); after the restart the engine resumes the workflow and the
 * payment is forwarded, once, even though the processor repeats its report.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStorage } from "@tokenshop/adapters-sql"
import {
  AddressValidator, crypto, money, type PaymentObservation, Payments, Settlement, ShopConfig, ShopLive, TelegramId, Users, WithdrawalRepo
} from "@tokenshop/domain"
import {
  AddressDeriverMemory, AddressValidatorMemory, BroadcasterMemory, NotifierMemory, PaymentGatewayMemory, PriceSourceMemory, WalletControl,
  WalletProcessorMemory
} from "@tokenshop/domain/testing/memory"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, describe, expect, it } from "vitest"
import { ApprovalRunnerLive } from "../src/Approving.js"
import { EngineLive } from "../src/Announcing.js"
import { ForwardingLive, ForwardingRunnerLive } from "../src/Forwarding.js"

const OUT = "bc1qxquy5w247rw0natp4ts4nz9agm4s9z24p0tl7u"
const paid: PaymentObservation = { paid: true, expired: false, amount: crypto(1000n, "BTC"), fiat: money(100n, "USD") }
const USER = TelegramId.make(5)

describe("forwarding on the workflow engine", () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-forward-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  /** The wallet and the gateway outlive the shop's restarts, as the processor's do. */
  const wallet = Effect.runSync(Effect.scoped(Layer.build(WalletProcessorMemory())))
  const gateway = Effect.runSync(Effect.scoped(Layer.build(PaymentGatewayMemory())))
  /** An address check that never answers: the process is stopped before the forwarding sends. */
  const stuck = Layer.succeed(AddressValidator, AddressValidator.of({ validate: () => Effect.never }))

  const shop = (validator: Layer.Layer<AddressValidator>) => {
    const services = Layer.mergeAll(
      NotifierMemory, Layer.succeedContext(gateway), Layer.succeedContext(wallet), validator, AddressDeriverMemory(), PriceSourceMemory(),
      BroadcasterMemory, ApprovalRunnerLive, ForwardingRunnerLive
    ).pipe(Layer.provideMerge(EngineLive), Layer.provideMerge(SqliteStorage({ filename: join(dir, "shop.db") })))
    const config = ShopConfig.layer({ forwarding: { BTC: OUT } })
    const core = ShopLive.pipe(Layer.provideMerge(services), Layer.provideMerge(config))
    return ManagedRuntime.make(Layer.merge(ForwardingLive.pipe(Layer.provide(core)), core))
  }
  const sent = () => Effect.runPromise(Context.get(wallet, WalletControl).sent)

  it("a forwarding cut short by a shutdown is resumed after the restart and sent once", async () => {
    await Effect.runPromise(Context.get(wallet, WalletControl).fund("BTC", 100_000n))
    const first = shop(stuck)
    const id = await first.runPromise(Effect.gen(function*() {
      yield* (yield* Users).register({ id: USER, username: null, language: null })
      const payment = yield* (yield* Payments).open(USER, "BTC", null)
      const settled = yield* (yield* Settlement).apply(payment, paid)
      expect(settled._tag).toBe("Credited")
      return payment.id
    }))
    await new Promise((r) => setTimeout(r, 500))
    expect(await sent()).toHaveLength(0) // stuck in the address check
    await first.dispose()

    const second = shop(AddressValidatorMemory)
    await second.runtime() // the shop starts again: nothing is asked of it
    for (let i = 0; i < 300 && (await sent()).length === 0; i++) await new Promise((r) => setTimeout(r, 100))
    expect(await sent()).toHaveLength(1) // resumed by the engine alone
    const payment = await second.runPromise(Effect.flatMap(Payments, (p) => p.get(USER, id)))
    await second.runPromise(Effect.flatMap(Settlement, (s) => s.apply(payment, paid))) // the processor repeats its report
    await new Promise((r) => setTimeout(r, 1000))
    expect(await sent()).toHaveLength(1)
    expect((await sent())[0]).toMatchObject({ asset: "BTC", destination: OUT })
    const records = await second.runPromise(Effect.flatMap(WithdrawalRepo, (r) => r.list({ offset: 0, limit: 10 })))
    expect(records.items.map((w) => w.admin)).toEqual(["forwarding"])
    await second.dispose()
  }, 60_000)

  it("a credit whose forwarding never started (a crash right after the credit) is forwarded by the sweep", async () => {
    await Effect.runPromise(Context.get(wallet, WalletControl).fund("BTC", 100_000n)) // a forwarding empties the asset's balance
    const rt = shop(AddressValidatorMemory)
    const before = (await sent()).length
    const since = new Date()
    await rt.runPromise(Effect.gen(function*() {
      const payment = yield* (yield* Payments).open(USER, "BTC", null)
      // Credited as the callback would, but the process stops before the forwarding starts.
      yield* (yield* Payments).credit({
        user: USER, source: { kind: "processor", provider: payment.provider, externalId: payment.externalId! }, amount: crypto(1000n, "BTC"),
        valuation: { fiat: money(100n, "USD") }, paymentId: payment.id
      })
    }))
    await new Promise((r) => setTimeout(r, 500))
    expect(await sent()).toHaveLength(before)
    expect(await rt.runPromise(Effect.flatMap(Settlement, (s) => s.forwardMissed(since)))).toBe(1)
    for (let i = 0; i < 300 && (await sent()).length === before; i++) await new Promise((r) => setTimeout(r, 100))
    expect(await sent()).toHaveLength(before + 1)
    expect(await rt.runPromise(Effect.flatMap(Settlement, (s) => s.forwardMissed(since)))).toBe(1) // started again: nothing more is sent
    await new Promise((r) => setTimeout(r, 1000))
    expect(await sent()).toHaveLength(before + 1)
    await rt.dispose()
  }, 60_000)
})
