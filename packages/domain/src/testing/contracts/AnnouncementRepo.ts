import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { AnnouncementRepo, type NewAnnouncement } from "../../AnnouncementRepo.js"
import type { TelegramId } from "../../Ids.js"
import { UserRepo } from "../../Users.js"
import { type ContractLayer, freshTime, plus, registered } from "./support.js"

const draft = (reportTo: TelegramId | null = null): NewAnnouncement => ({
  kind: "broadcast", content: { text: "Restocked!", photo: null }, admin: "admin 1", reportTo, reportMessage: null
})
/** Every pending recipient (other tests' users share a PostgreSQL database: contracts look at their own). */
const claimAll = (id: Parameters<AnnouncementRepo["Type"]["claim"]>[0]) => Effect.flatMap(AnnouncementRepo, (r) => r.claim(id, 1_000_000))

/** The AnnouncementRepo contract: a fixed recipient list, each recipient claimed once and settled once, blocked buyers skipped. */
export const announcementRepoContract = (name: string, layer: ContractLayer<AnnouncementRepo | UserRepo>) =>
  describe(`AnnouncementRepo contract: ${name}`, () => {
    const run = <A, E>(self: Effect.Effect<A, E, AnnouncementRepo | UserRepo>) => Effect.provide(self, layer)

    it.live("recipients are the registered buyers who are not banned, fixed when it is made; each is claimed once, in order", () =>
      run(Effect.gen(function*() {
        const repo = yield* AnnouncementRepo
        const [a, b, banned] = [yield* registered(), yield* registered(), yield* registered()]
        yield* Effect.flatMap(UserRepo, (u) => u.setBanned(banned, true))
        const t = freshTime()
        const made = yield* repo.create(draft(a), t)
        expect(made).toMatchObject({ kind: "broadcast", content: { text: "Restocked!", photo: null }, status: "running", sent: 0, failed: 0, blocked: 0, reportTo: a, reportMessage: null, finishedAt: null })
        expect(made.createdAt.getTime()).toBe(t.getTime())
        const late = yield* registered()
        const claimed = yield* claimAll(made.id)
        expect(claimed).toEqual([...claimed].sort((x, y) => x - y))
        expect(claimed).toEqual(expect.arrayContaining([a, b]))
        expect(claimed).not.toContain(banned)
        expect(claimed).not.toContain(late)
        expect(claimed.length).toBe(made.total)
        expect(yield* claimAll(made.id)).toEqual([])
        yield* repo.setReportMessage(made.id, 77)
        expect(Option.getOrThrow(yield* repo.get(made.id)).reportMessage).toBe(77)
      })))

    it.live("settling counts each recipient once; a blocked buyer is skipped next time until reachable again", () =>
      run(Effect.gen(function*() {
        const repo = yield* AnnouncementRepo
        const [a, b, c] = [yield* registered(), yield* registered(), yield* registered()]
        const first = yield* repo.create(draft(), freshTime())
        const mine = (yield* claimAll(first.id)).filter((u) => [a, b, c].includes(u))
        expect(mine).toEqual([a, b, c])
        yield* repo.settle(first.id, a, "sent")
        yield* repo.settle(first.id, a, "sent")
        yield* repo.settle(first.id, b, "blocked")
        yield* repo.settle(first.id, c, "failed")
        const counted = Option.getOrThrow(yield* repo.get(first.id))
        expect([counted.sent, counted.blocked, counted.failed].map((n) => n >= 1)).toEqual([true, true, true])
        const second = yield* repo.create(draft(), freshTime())
        const next = yield* claimAll(second.id)
        expect(next).toEqual(expect.arrayContaining([a, c]))
        expect(next).not.toContain(b)
        yield* repo.reachable(b)
        expect(yield* claimAll((yield* repo.create(draft(), freshTime())).id)).toContain(b)
      })))

    it.live("claimed but never settled (a run that stopped mid-send) counts as failed, once; an ended one claims nothing; purge keeps the counts", () =>
      run(Effect.gen(function*() {
        const repo = yield* AnnouncementRepo
        yield* registered()
        const t = freshTime()
        const made = yield* repo.create(draft(), t)
        const claimed = yield* repo.claim(made.id, 1)
        expect(claimed.length).toBe(1)
        expect(yield* repo.abandon(made.id)).toBe(1)
        expect(yield* repo.abandon(made.id)).toBe(0)
        yield* repo.settle(made.id, claimed[0]!, "sent")
        expect(Option.getOrThrow(yield* repo.get(made.id))).toMatchObject({ failed: 1, sent: 0 })
        expect(yield* repo.end(made.id, "cancelled", plus(t, 1_000))).toBe(true)
        expect(yield* repo.end(made.id, "done", plus(t, 2_000))).toBe(false)
        expect(yield* repo.claim(made.id, 10)).toEqual([])
        const ended = Option.getOrThrow(yield* repo.get(made.id))
        expect(ended).toMatchObject({ status: "cancelled", failed: 1 })
        expect(ended.finishedAt?.getTime()).toBe(plus(t, 1_000).getTime())
        expect(yield* repo.purge(plus(t, 500))).not.toContain(made.id)
        expect(yield* repo.purge(plus(t, 5_000))).toContain(made.id)
        expect(yield* repo.purge(plus(t, 5_000))).not.toContain(made.id)
        expect(Option.getOrThrow(yield* repo.get(made.id))).toMatchObject({ status: "cancelled", failed: 1, total: made.total })
        expect((yield* repo.recent(1000)).map((x) => x.id)).toContain(made.id)
      })))
  })
