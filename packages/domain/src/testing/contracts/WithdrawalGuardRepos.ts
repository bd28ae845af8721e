import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { AddressBookRepo, type TrustedAddress } from "../../AddressBook.js"
import { ApprovalRepo, type NewApproval } from "../../ApprovalRepo.js"
import { crypto, money } from "../../Money.js"
import { type ContractLayer, freshKey, freshTime } from "./support.js"

let n = 0
const entry = (at: Date): TrustedAddress => ({
  asset: "ETH",
  address: `0x${(++n).toString(16).padStart(40, "0")}${at.getTime()}`,
  label: "cold wallet",
  addedBy: "admin 42",
  addedAt: at,
  usableFrom: new Date(at.getTime() + 86_400_000)
})
const approval = (at: Date, value: NewApproval["value"], reason: NewApproval["reason"] = "amount"): NewApproval => ({
  key: freshKey("approval"),
  request: { asset: "USDT_ERC20", destination: "0x52908400098527886E0F7030069857D2E4169EE7", scope: { kind: "all" } },
  previewed: { total: crypto(2n ** 64n + 1n, "USDT_ERC20"), networkFee: crypto(3n, "USDT_ERC20") },
  value,
  reason,
  requestedBy: "admin 42",
  createdAt: at,
  expiresAt: new Date(at.getTime() + 86_400_000)
})

/** The address book's and the approvals' contracts: one entry per key, exact amounts, each state moved once. */
export const withdrawalGuardContracts = (name: string, layer: ContractLayer<AddressBookRepo | ApprovalRepo>) =>
  describe(`AddressBookRepo and ApprovalRepo contracts: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, AddressBookRepo | ApprovalRepo>) => Effect.provide(self, layer)

    it.live("an address is added once per asset, kept whole, found, listed and removed", () =>
      run(Effect.gen(function*() {
        const repo = yield* AddressBookRepo
        const e = entry(freshTime())
        expect(yield* repo.add(e)).toEqual({ entry: e, created: true })
        expect(yield* repo.add({ ...e, label: "other", usableFrom: e.addedAt })).toEqual({ entry: e, created: false })
        expect(Option.getOrThrow(yield* repo.find("ETH", e.address))).toEqual(e)
        expect(Option.isNone(yield* repo.find("LTC", e.address))).toBe(true)
        expect((yield* repo.list).filter((x) => x.address === e.address)).toEqual([e])
        expect(yield* repo.remove("ETH", e.address)).toBe(true)
        expect(yield* repo.remove("ETH", e.address)).toBe(false)
        expect(Option.isNone(yield* repo.find("ETH", e.address))).toBe(true)
      })))

    it.live("an approval is created once per key with every field exact, and each state moves once", () =>
      run(Effect.gen(function*() {
        const repo = yield* ApprovalRepo
        const draft = approval(freshTime(), money(2n ** 63n + 7n, "USD"))
        const first = yield* repo.create(draft)
        expect(first.created).toBe(true)
        expect({ ...first.approval, id: 0 }).toEqual({ ...draft, id: 0, state: "pending", decidedBy: null, note: null })
        expect(yield* repo.create({ ...draft, value: null })).toEqual({ approval: first.approval, created: false })
        const id = first.approval.id
        expect((yield* repo.pending).map((a) => a.id)).toContain(id)
        const moves = yield* Effect.all(Array.from({ length: 6 }, (_, i) => repo.move(id, "pending", "approved", `admin ${i}`, null)), { concurrency: "unbounded" })
        expect(moves.filter((m) => m)).toHaveLength(1)
        expect(yield* repo.move(id, "pending", "rejected", "admin 9", null)).toBe(false)
        expect(yield* repo.move(id, "approved", "sent", null, "0xaa 0xbb")).toBe(true)
        const done = Option.getOrThrow(yield* repo.get(id))
        expect(done).toMatchObject({ state: "sent", note: "0xaa 0xbb" })
        expect(done.decidedBy).toMatch(/^admin \d$/) // kept from the approval
        expect((yield* repo.pending).map((a) => a.id)).not.toContain(id)
        const unpriced = yield* repo.create(approval(freshTime(), null))
        expect(unpriced.approval.value).toBeNull()
      })))

    it.live("the reason is kept, and approved ones not yet sent are listed until they are sent or fail", () =>
      run(Effect.gen(function*() {
        const repo = yield* ApprovalRepo
        const daily = approval(freshTime(), money(4_999n, "USD"), "daily")
        const { approval: a } = yield* repo.create(daily)
        expect(a.reason).toBe("daily")
        expect(Option.getOrThrow(yield* repo.get(a.id)).reason).toBe("daily")
        const { approval: b } = yield* repo.create(approval(freshTime(), money(1n, "USD")))
        expect(b.reason).toBe("amount")
        const approvedIds = () => Effect.map(repo.approved, (list) => list.map((x) => x.id).filter((id) => id === a.id || id === b.id))
        expect(yield* approvedIds()).toEqual([])
        yield* repo.move(b.id, "pending", "approved", "admin 7", null)
        yield* repo.move(a.id, "pending", "approved", "admin 7", null)
        expect(yield* approvedIds()).toEqual([a.id, b.id]) // oldest first
        expect((yield* repo.approved).find((x) => x.id === a.id)).toMatchObject({ value: { amount: 4_999n, currency: "USD" }, reason: "daily" })
        yield* repo.move(a.id, "approved", "sent", null, "0xaa")
        yield* repo.move(b.id, "approved", "failed", null, "refused")
        expect(yield* approvedIds()).toEqual([])
      })))
  })
