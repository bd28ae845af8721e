import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import { type Approval, ApprovalRepo, type ApprovalState } from "../ApprovalRepo.js"
import { ApprovalId } from "../Ids.js"
import { MemoryStore, nextId } from "./MemoryStore.js"

export const ApprovalRepoMemory: Layer.Layer<ApprovalRepo, never, MemoryStore> = Layer.effect(ApprovalRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  const inState = (state: ApprovalState) =>
    store.read((s) => [...HashMap.values(s.approvals)].filter((a) => a.state === state).sort((a, b) => a.id - b.id))
  return ApprovalRepo.of({
    create: (draft) =>
      store.modify<{ readonly approval: Approval; readonly created: boolean }>((s) => {
        for (const approval of HashMap.values(s.approvals)) if (approval.key === draft.key) return [{ approval, created: false }, s] as const
        const [id, next] = nextId(s, "approvals")
        const approval: Approval = { ...draft, id: ApprovalId.make(id), state: "pending", decidedBy: null, note: null }
        return [{ approval, created: true }, { ...next, approvals: HashMap.set(next.approvals, approval.id, approval) }] as const
      }),
    get: (id) => store.read((s) => HashMap.get(s.approvals, id)),
    move: (id, from, to, by, note) =>
      store.modify((s) => {
        const approval = HashMap.get(s.approvals, id)
        if (approval._tag === "None" || approval.value.state !== from) return [false, s] as const
        const moved: Approval = { ...approval.value, state: to, decidedBy: by ?? approval.value.decidedBy, note }
        return [true, { ...s, approvals: HashMap.set(s.approvals, id, moved) }] as const
      }),
    pending: inState("pending"),
    approved: inState("approved")
  })
}))
