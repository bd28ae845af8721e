import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { PromptRepo } from "../Prompts.js"
import { MemoryStore } from "./MemoryStore.js"

export const PromptRepoMemory: Layer.Layer<PromptRepo, never, MemoryStore> = Layer.effect(PromptRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return PromptRepo.of({
    set: (prompt) => store.modify((s) => [undefined, { ...s, prompts: HashMap.set(s.prompts, prompt.user, prompt) }] as const),
    get: (user, now) =>
      store.read((s) => Option.filter(HashMap.get(s.prompts, user), (p) => p.expiresAt.getTime() > now.getTime())),
    take: (user, now, kind) =>
      store.modify((s) => {
        const found = Option.filter(HashMap.get(s.prompts, user), (p) => p.expiresAt.getTime() > now.getTime() && (kind === undefined || p.kind === kind))
        return [found, Option.isSome(found) ? { ...s, prompts: HashMap.remove(s.prompts, user) } : s] as const
      }),
    clear: (user) => store.modify((s) => [undefined, { ...s, prompts: HashMap.remove(s.prompts, user) }] as const)
  })
}))
