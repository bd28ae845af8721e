import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as HashSet from "effect/HashSet"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { type Announcement, AnnouncementRepo, type Outcome } from "../AnnouncementRepo.js"
import { AnnouncementId, type TelegramId } from "../Ids.js"
import { MemoryStore, type MemoryState, nextId, type Recipients } from "./MemoryStore.js"

const counter = { sent: "sent", failed: "failed", blocked: "blocked" } as const satisfies Record<Outcome, keyof Announcement>

/** Applies `f` to an announcement and its recipients, when both exist. */
const update = (s: MemoryState, id: AnnouncementId, f: (a: Announcement, r: Recipients) => readonly [Announcement, Recipients]): MemoryState => {
  const a = HashMap.get(s.announcements, id)
  const r = HashMap.get(s.recipients, id)
  if (Option.isNone(a)) return s
  const [na, nr] = f(a.value, Option.getOrElse(r, () => ({ order: [], next: 0, state: HashMap.empty() })))
  return { ...s, announcements: HashMap.set(s.announcements, id, na), recipients: HashMap.set(s.recipients, id, nr) }
}

export const AnnouncementRepoMemory: Layer.Layer<AnnouncementRepo, never, MemoryStore> = Layer.effect(AnnouncementRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return AnnouncementRepo.of({
    create: (draft, now) =>
      store.modify((s) => {
        const [n, next] = nextId(s, "announcements")
        const order = [...HashMap.values(s.users)].filter((u) => !u.banned && !HashSet.has(s.unreachable, u.id)).map((u) => u.id).sort((a, b) => a - b)
        const a: Announcement = {
          id: AnnouncementId.make(n), ...draft, status: "running", total: order.length, sent: 0, failed: 0, blocked: 0,
          createdAt: now, finishedAt: null
        }
        return [a, {
          ...next,
          announcements: HashMap.set(next.announcements, a.id, a),
          recipients: HashMap.set(next.recipients, a.id, { order, next: 0, state: HashMap.empty() })
        }] as const
      }),
    get: (id) => store.read((s) => HashMap.get(s.announcements, id)),
    recent: (limit) => store.read((s) => [...HashMap.values(s.announcements)].sort((a, b) => b.id - a.id).slice(0, limit)),
    setReportMessage: (id, message) => store.modify((s) => [undefined, update(s, id, (a, r) => [{ ...a, reportMessage: message }, r])] as const),
    claim: (id, n) =>
      store.modify((s) => {
        const a = HashMap.get(s.announcements, id)
        const r = HashMap.get(s.recipients, id)
        if (Option.isNone(a) || a.value.status !== "running" || Option.isNone(r)) return [[] as ReadonlyArray<TelegramId>, s] as const
        const taken = r.value.order.slice(r.value.next, r.value.next + n)
        let state = r.value.state
        for (const user of taken) state = HashMap.set(state, user, "sending")
        return [taken, { ...s, recipients: HashMap.set(s.recipients, id, { ...r.value, next: r.value.next + taken.length, state }) }] as const
      }),
    settle: (id, user, outcome) =>
      store.modify((s) => {
        const current = Option.flatMap(HashMap.get(s.recipients, id), (r) => HashMap.get(r.state, user))
        if (!Option.contains(current, "sending")) return [undefined, s] as const
        const next = update(s, id, (a, r) => [{ ...a, [counter[outcome]]: a[counter[outcome]] + 1 }, { ...r, state: HashMap.set(r.state, user, outcome) }])
        return [undefined, outcome === "blocked" ? { ...next, unreachable: HashSet.add(next.unreachable, user) } : next] as const
      }),
    abandon: (id) =>
      store.modify((s) => {
        let stuck: Array<TelegramId> = []
        const next = update(s, id, (a, r) => {
          stuck = [...HashMap.keys(HashMap.filter(r.state, (v) => v === "sending"))]
          let state = r.state
          for (const user of stuck) state = HashMap.set(state, user, "failed")
          return [{ ...a, failed: a.failed + stuck.length }, { ...r, state }]
        })
        return [stuck.length, next] as const
      }),
    end: (id, status, now) =>
      store.modify((s) => {
        const a = HashMap.get(s.announcements, id)
        if (Option.isNone(a) || a.value.status !== "running") return [false, s] as const
        return [true, { ...s, announcements: HashMap.set(s.announcements, id, { ...a.value, status, finishedAt: now }) }] as const
      }),
    reachable: (user) => store.modify((s) => [undefined, { ...s, unreachable: HashSet.remove(s.unreachable, user) }] as const),
    purge: (before) =>
      store.modify((s) => {
        const gone = [...HashMap.values(s.announcements)]
          .filter((a) => a.finishedAt !== null && a.finishedAt < before && HashMap.has(s.recipients, a.id)).map((a) => a.id)
        let recipients = s.recipients
        for (const id of gone) recipients = HashMap.remove(recipients, id)
        return [gone, { ...s, recipients }] as const
      })
  })
}))
