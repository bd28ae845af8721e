/**
 * The shop against its reference model, under random command sequences, for any set of adapters.
 * Register it with `shopProperties(name, makeLayer)`; each run builds a fresh shop from `makeLayer`.
 */
import { expect, it } from "@effect/vitest"
import * as BigDecimal from "effect/BigDecimal"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import type * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as LogLevel from "effect/LogLevel"
import * as Option from "effect/Option"
import { CatalogRepo } from "../Catalog.js"
import { fiatDigits } from "../Currency.js"
import { SubcategoryId } from "../Ids.js"
import { PriceSource } from "../Prices.js"
import { ShopConfig, topUpLimits } from "../ShopConfig.js"
import { type Command, commandArbitrary, SUBS, USERS } from "./commands.js"
import { type DriverServices, type Names, normalize, runStep } from "./driver.js"
import { allPages, observe, type ObserveServices } from "./observe.js"
import { plan, type Prices } from "./plan.js"
import { emptyModel, type ModelState, observable, predict } from "./referenceModel.js"
import { canonical, findSerialization, inListedOrder, same } from "./serializations.js"
import { laneOf, ShopPeers } from "./ShopPeers.js"
import type { Outcome, RaceStep, Step } from "./steps.js"
import { yieldToHost } from "./yieldToHost.js"

/** How far ahead a concurrent group's start is set when it runs on several shops. */
const RACE_LEAD_MS = 20

/** What a property's layer must provide; a ShopPeers in it spreads concurrent groups over several shops. */
export type PropertyServices = DriverServices | ObserveServices | PriceSource

const show = (value: unknown) => canonical(value)

/** The entries of two descriptions that differ, one level down (a user, a subcategory, the payments). */
const differences = (shop: unknown, model: unknown): string => {
  if (shop === null || model === null || typeof shop !== "object" || typeof model !== "object") return `shop ${show(shop)}\nmodel ${show(model)}`
  const lines: Array<string> = []
  for (const key of new Set([...Object.keys(shop), ...Object.keys(model)])) {
    const a = (shop as Record<string, unknown>)[key]
    const b = (model as Record<string, unknown>)[key]
    if (show(a) === show(b)) continue
    if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a)) lines.push(`${key}: ${differences(a, b).replaceAll("\n", `\n${key}: `)}`)
    else lines.push(`${key}: shop ${show(a)}\n${key}: model ${show(b)}`)
  }
  return lines.join("\n")
}

/** Fails with what differs when the shop's description is not the model's. */
const agree = (shop: unknown, model: unknown, what: () => string) => {
  if (!same(shop, model)) expect.fail(`${what()}\n${differences(shop, model)}`)
}

/** Every id the shop gave out, as the model names it. */
const makeRefs = () => {
  const subs: Record<number, number> = {}
  const buys: Array<number> = []
  const payments: Array<number> = []
  const items = new Map<number, number>()
  const names: Names = {
    item: (id) => items.get(id) ?? `?${id}`,
    sub: (id) => {
      const found = Object.entries(subs).find(([, real]) => real === id)
      return found === undefined ? `?${id}` : Number(found[0]) // an item id, not money
    }
  }
  return { subs, buys, payments, items, names, snapshot: () => ({ subs: { ...subs }, buys: [...buys], payments: [...payments] }) }
}

/**
 * Runs the commands, each against the reference model: after every step the shop's outcome must be
 * the one the model predicts (the success value's fields that matter, or the exact refusal), and
 * the shop's state (balances, ledger entry counts, carts, stock, sold items, purchases, deposits,
 * payment statuses) must be the model's; the invariants in observe.ts are checked on the way.
 * A concurrent group must be explained by some order of its members.
 */
export const runCommands = (commands: ReadonlyArray<Command>) =>
  Effect.gen(function*() {
    const config = yield* ShopConfig
    const limits = topUpLimits(config)
    const catalog = yield* CatalogRepo
    const prices: Record<string, Prices[string]> = {}
    for (const asset of ["BTC", "LTC", "ETH", "DOGE"] as const) {
      const { price } = yield* Effect.orDie((yield* PriceSource).rate(asset, config.currency))
      const p = BigDecimal.normalize(price)
      prices[asset] = { value: p.value, scale: p.scale }
    }
    let model: ModelState = emptyModel({
      currency: config.currency,
      digits: fiatDigits[config.currency],
      maxLineQuantity: config.maxLineQuantity,
      maxPendingPayments: config.maxPendingPayments,
      toleranceBp: config.paymentToleranceBp ?? 0,
      topUpMin: limits.min,
      topUpMax: limits.max,
      users: USERS
    })
    const refs = makeRefs()
    const lanes = [laneOf(yield* Effect.context<DriverServices>()), ...Option.getOrElse(yield* Effect.serviceOption(ShopPeers), () => [])]
    const state = observe(refs, refs.names, USERS)

    /** Learns the ids a step's success gave out: a subcategory and its new items, a purchase, a payment. */
    const learn = (step: Step, outcome: Outcome) =>
      Effect.gen(function*() {
        if (!("ok" in outcome)) return
        if (step._tag === "Import") {
          const category = (yield* allPages((offset) => catalog.categories({ offset, limit: 100 }, false))).find((c) => c.name === `Cat${step.sub % 2}`)
          const subs = category === undefined ? [] : yield* allPages((offset) => catalog.subcategories(category.id, { offset, limit: 100 }, false))
          const sub = subs.find((s) => s.name === `Sub${step.sub}`)
          if (sub === undefined) return
          refs.subs[step.sub] = sub.id
          const fresh = (yield* allPages((offset) => catalog.items(SubcategoryId.make(sub.id), { offset, limit: 100 }))).filter((i) => !refs.items.has(i.id))
          const added = model.items.slice(-step.prices.length)
          fresh.forEach((item, i) => added[i] !== undefined && refs.items.set(item.id, added[i].id))
        }
        // Deleted items' ids may be given out again (SQLite reuses the highest rowids).
        if (step._tag === "DeleteSubcategory") for (const [id, item] of refs.items) if (model.items[item - 1]!.dropped) refs.items.delete(id)
        if (step._tag === "Checkout" && outcome.ok["replayed"] === false) refs.buys.push(outcome.ok["buyId"] as number)
        if (step._tag === "OpenPayment") refs.payments.push(outcome.ok["paymentId"] as number)
      })

    const runStepChecked = (step: Step, where: string, thenObserve = true) =>
      Effect.gen(function*() {
        const predicted = predict(model, step)
        const outcome = yield* runStep(step, refs.snapshot())
        agree(normalize(outcome, refs.names), predicted, () => `${where}: the outcome of ${show(step)}`)
        yield* learn(step, outcome)
        if (thenObserve) agree(yield* state, observable(model), () => `${where}: the state after ${show(step)}`)
      })

    const runRace = (members: ReadonlyArray<RaceStep>, where: string) =>
      Effect.gen(function*() {
        const snapshot = refs.snapshot()
        // With peers, the members start together at one instant a little ahead (time to reach another process).
        const startAt = lanes.length > 1 ? Date.now() + RACE_LEAD_MS : undefined
        const outcomes = yield* Effect.all(members.map((step, j) => lanes[j % lanes.length]!.run(step, snapshot, startAt)), { concurrency: "unbounded" })
        const observed = outcomes.map((o) => normalize(o, refs.names))
        const after = yield* state
        const found = findSerialization(model, members, observed, after)
        if (found === undefined) {
          const listed = inListedOrder(model, members)
          agree({ outcomes: observed, state: after }, listed, () => `${where}: no order of ${show(members)} explains what happened (the model's listed order shown)`)
          return expect.fail(`${where}: no order of ${show(members)} explains the outcomes ${show(observed)}`)
        }
        model = found.model
        for (const j of found.order) yield* learn(members[j]!, outcomes[j]!)
      })

    // Most commands need a registered buyer, stock and payments: start with all users but the last
    // one registered, one of them funded, stock in all subcategories but the last one, and two
    // payments pending (an open deposit and a quoted invoice).
    const setup: Array<Step> = []
    for (let u = 0; u < USERS - 1; u++) setup.push({ _tag: "Register", user: u })
    for (let s = 0; s < SUBS - 1; s++) setup.push({ _tag: "Import", sub: s, prices: [300n, 500n, 700n, 900n] })
    setup.push({ _tag: "Deposit", user: 0, cents: 2_000n, units: 2_000_000_000n, tx: 99, output: 0 })
    setup.push({ _tag: "OpenPayment", user: 0, asset: "BTC", cents: null }, { _tag: "OpenPayment", user: 1, asset: "USDT_ERC20", cents: 2_500n })
    for (const [i, step] of setup.entries()) yield* runStepChecked(step, "setup", i === setup.length - 1)
    let serial = 0
    for (const [n, command] of commands.entries()) {
      for (const planned of plan(model, command, prices, serial++)) {
        const where = `command ${n + 1} (${command._tag})`
        if (planned._tag === "Race") yield* runRace(planned.members, where)
        else yield* runStepChecked(planned.step, where)
      }
    }
  })

/**
 * Registers the property test: `numRuns` random command sequences, each against a fresh shop from
 * `makeLayer` and a fresh reference model. On the first failing run it logs how many runs and how
 * long it took to find, before fast-check shrinks it.
 */
export const shopProperties = (
  name: string,
  makeLayer: () => Layer.Layer<PropertyServices, unknown>,
  options: { readonly numRuns?: number; readonly maxCommands?: number; readonly timeout?: number; readonly seed?: number } = {}
) =>
  it(`the shop agrees with its reference model under random commands: ${name}`, async () => {
    const started = Date.now()
    let runs = 0
    let firstFailure: string | undefined
    const details = await fc.check(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 1, maxLength: options.maxCommands ?? 25, size: "max" }), async (commands) => {
        await yieldToHost()
        if (firstFailure === undefined) runs++
        try {
          await Effect.runPromise(runCommands(commands).pipe(Logger.withMinimumLogLevel(LogLevel.Error), Effect.provide(makeLayer())))
        } catch (e) {
          firstFailure ??= `first failure at run ${runs}, after ${((Date.now() - started) / 1000).toFixed(1)} s` // seconds, not money
          throw e
        }
      }),
      { numRuns: options.numRuns ?? 1000, ...(options.seed === undefined ? {} : { seed: options.seed }) }
    )
    if (details.failed) {
      const shrunk = details.counterexample?.[0]
      const steps = shrunk === undefined ? "" : `, ${shrunk.length} commands, ${shrunk.map((c) => c._tag).join(" ")}`
      expect.fail(`${name}: ${firstFailure ?? "failed"}; shrunk ${details.numShrinks} times in ${((Date.now() - started) / 1000).toFixed(1)} s in all${steps}\n${fc.defaultReportMessage(details)}`) // seconds, not money
    }
  }, options.timeout ?? 300_000)
