import * as Effect from "effect/Effect"
import * as HashMap from "effect/HashMap"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { UserNotFound } from "../Errors.js"
import type { TelegramId } from "../Ids.js"
import { slice, within } from "../Paging.js"
import { type User, UserRepo } from "../Users.js"
import { MemoryStore } from "./MemoryStore.js"

const byRegistration = (a: User, b: User) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.id - b.id

export const UserRepoMemory: Layer.Layer<UserRepo, never, MemoryStore> = Layer.effect(UserRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  const update = (id: TelegramId, f: (u: User) => User) =>
    store.modify((s) => {
      const found = HashMap.get(s.users, id)
      if (Option.isNone(found)) return [Option.none<User>(), s] as const
      const user = f(found.value)
      return [Option.some(user), { ...s, users: HashMap.set(s.users, id, user) }] as const
    }).pipe(Effect.flatten, Effect.mapError(() => new UserNotFound({ user: id })))

  return UserRepo.of({
    upsert: (profile, now) =>
      store.modify((s) => {
        const found = HashMap.get(s.users, profile.id)
        const user: User = Option.match(found, {
          onNone: () => ({ id: profile.id, username: profile.username, language: profile.language, banned: false, registeredAt: now }),
          onSome: (u) => ({ ...u, username: profile.username })
        })
        return [{ user, created: Option.isNone(found) }, { ...s, users: HashMap.set(s.users, profile.id, user) }] as const
      }),
    find: (id) => store.read((s) => HashMap.get(s.users, id)),
    findByUsername: (username) =>
      store.read((s) => {
        const wanted = username.replace(/^@/, "").toLowerCase()
        for (const u of HashMap.values(s.users)) if (u.username?.toLowerCase() === wanted) return Option.some(u)
        return Option.none()
      }),
    setBanned: (id, banned) => update(id, (u) => ({ ...u, banned })),
    setLanguage: (id, language) => update(id, (u) => ({ ...u, language })),
    list: (page) => store.read((s) => slice([...HashMap.values(s.users)].sort(byRegistration), page)),
    countRegistered: (window) =>
      store.read((s) => {
        let n = 0
        for (const u of HashMap.values(s.users)) if (within(u.registeredAt, window)) n++
        return n
      })
  })
}))
