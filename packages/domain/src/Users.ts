import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { NotAdmin, UserBanned, UserNotFound } from "./Errors.js"
import { DomainEvent, Notifier } from "./Events.js"
import { TelegramId } from "./Ids.js"
import type { Page, PageRequest, TimeWindow } from "./Paging.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"

export const User = Schema.Struct({
  id: TelegramId,
  username: Schema.NullOr(Schema.String),
  /** IETF language tag chosen by the user, or taken from Telegram on first contact. */
  language: Schema.NullOr(Schema.String),
  banned: Schema.Boolean,
  registeredAt: Schema.DateFromSelf
})
export type User = typeof User.Type

/** What a chat platform tells about a person on contact. */
export interface Profile {
  readonly id: TelegramId
  readonly username: string | null
  readonly language: string | null
}

/** Who performs an admin operation: an admin on Telegram, or the operator at the command line. */
export type AdminRef =
  | { readonly kind: "telegram"; readonly id: TelegramId }
  | { readonly kind: "operator"; readonly name: string }
export const operator = (name = "cli"): AdminRef => ({ kind: "operator", name })
export const describeAdmin = (a: AdminRef): string => a.kind === "telegram" ? `admin ${a.id}` : `operator ${a.name}`

export class UserRepo extends Context.Tag("@tokenshop/domain/UserRepo")<UserRepo, {
  /** Creates the user on first contact; later calls refresh the username only. `created` tells which. */
  readonly upsert: (profile: Profile, now: Date) => Effect.Effect<{ readonly user: User; readonly created: boolean }>
  readonly find: (id: TelegramId) => Effect.Effect<Option.Option<User>>
  /** Case-insensitive, without the leading "@". */
  readonly findByUsername: (username: string) => Effect.Effect<Option.Option<User>>
  readonly setBanned: (id: TelegramId, banned: boolean) => Effect.Effect<User, UserNotFound>
  readonly setLanguage: (id: TelegramId, language: string) => Effect.Effect<User, UserNotFound>
  /** Oldest first. */
  readonly list: (page: PageRequest) => Effect.Effect<Page<User>>
  readonly countRegistered: (window: TimeWindow) => Effect.Effect<number>
}>() {}


export class Users extends Context.Tag("@tokenshop/domain/Users")<Users, {
  /** Idempotent: the first contact creates the user and announces UserRegistered; later ones do not. */
  readonly register: (profile: Profile) => Effect.Effect<User>
  readonly get: (id: TelegramId) => Effect.Effect<User, UserNotFound>
  /** The user, if registered and not banned. */
  readonly active: (id: TelegramId) => Effect.Effect<User, UserNotFound | UserBanned>
  readonly findByUsername: (username: string) => Effect.Effect<User, UserNotFound>
  readonly setLanguage: (id: TelegramId, language: string) => Effect.Effect<User, UserNotFound>
  /** Bans or unbans; announces BanChanged when it changed anything. */
  readonly setBanned: (admin: AdminRef, id: TelegramId, banned: boolean) => Effect.Effect<User, UserNotFound | NotAdmin>
  readonly isAdmin: (id: TelegramId) => boolean
  /** Turns a Telegram id into an admin capability, or fails. Re-run on every admin step. */
  readonly authorize: (id: TelegramId) => Effect.Effect<AdminRef, NotAdmin>
  /** Confirms an admin capability is still valid (an id removed from the configuration loses it). */
  readonly ensureAdmin: (admin: AdminRef) => Effect.Effect<void, NotAdmin>
  readonly list: (page: PageRequest) => Effect.Effect<Page<User>>
}>() {
  static readonly layer = Layer.effect(Users, Effect.gen(function*() {
    const repo = yield* UserRepo
    const notifier = yield* Notifier
    const config = yield* ShopConfig
    const isAdmin = (id: TelegramId) => config.admins.has(id)
    const authorize = (id: TelegramId) =>
      isAdmin(id) ? Effect.succeed<AdminRef>({ kind: "telegram", id }) : Effect.fail(new NotAdmin({ user: id }))
    const ensureAdmin = (admin: AdminRef) =>
      admin.kind === "operator" ? Effect.void : Effect.asVoid(authorize(admin.id))
    /** First contact (announced), or a changed username. */
    const upsert = (profile: Profile) =>
      Effect.gen(function*() {
        const { created, user } = yield* repo.upsert(profile, yield* now)
        if (created) yield* notifier.publish(DomainEvent.UserRegistered({ user }))
        return user
      })
    const get = (id: TelegramId) =>
      repo.find(id).pipe(Effect.flatten, Effect.mapError(() => new UserNotFound({ user: id })))

    return Users.of({
      // Runs on every update: no span of its own (the update's span covers it), and a known user whose
      // profile did not change costs one read, no write.
      register: (profile: Profile) =>
        Effect.flatMap(repo.find(profile.id), (known) =>
          known._tag === "Some" && known.value.username === profile.username
            ? Effect.succeed(known.value)
            : Effect.withSpan(upsert(profile), "Users.register", { captureStackTrace: false })),
      get,
      active: (id) =>
        get(id).pipe(Effect.filterOrFail((u) => !u.banned, () => new UserBanned({ user: id }))),
      findByUsername: (username) =>
        repo.findByUsername(username.replace(/^@/, "")).pipe(
          Effect.flatten,
          Effect.mapError(() => new UserNotFound({ user: `@${username.replace(/^@/, "")}` }))
        ),
      setLanguage: repo.setLanguage,
      setBanned: Effect.fn("Users.setBanned")(function*(admin: AdminRef, id: TelegramId, banned: boolean) {
        yield* ensureAdmin(admin)
        const before = yield* get(id)
        if (before.banned === banned) return before
        const after = yield* repo.setBanned(id, banned)
        yield* notifier.publish(DomainEvent.BanChanged({ user: id, banned, admin }))
        return after
      }),
      isAdmin,
      authorize,
      ensureAdmin,
      list: repo.list
    })
  }))
}
