import * as SqlClient from "@effect/sql/SqlClient"
import { TelegramId, type User, UserNotFound, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { flag, int, millis, paged, time, trusted, TOTAL, type WithTotal } from "./internal/rows.js"
import { queries } from "./internal/run.js"

interface UserRow {
  readonly id: unknown
  readonly username: string | null
  readonly language: string | null
  readonly banned: unknown
  readonly registered_at: unknown
}

const toUser = (r: UserRow): User => ({
  id: TelegramId.make(int(r.id), trusted),
  username: r.username,
  language: r.language,
  banned: flag(r.banned),
  registeredAt: time(r.registered_at)
})
const lower = (username: string | null) => (username === null ? null : username.toLowerCase())

export const SqlUserRepo = Layer.effect(UserRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const one = (rows: ReadonlyArray<UserRow>) => Option.map(Option.fromNullable(rows[0]), toUser)
  const update = (id: TelegramId, rows: Effect.Effect<ReadonlyArray<UserRow>, unknown>) =>
    rows.pipe(
      Effect.orDie,
      Effect.flatMap((r) => Option.match(one(r), { onNone: () => Effect.fail(new UserNotFound({ user: id })), onSome: Effect.succeed }))
    )

  return UserRepo.of({
    upsert: (profile, now) =>
      Effect.gen(function*() {
        const inserted = yield* q<UserRow>`
          INSERT INTO users (id, username, username_lower, language, banned, registered_at)
          VALUES (${profile.id}, ${profile.username}, ${lower(profile.username)}, ${profile.language}, 0, ${millis(now)})
          ON CONFLICT (id) DO NOTHING
          RETURNING *`
        if (inserted[0] !== undefined) return { user: toUser(inserted[0]), created: true }
        const updated = yield* q<UserRow>`
          UPDATE users SET username = ${profile.username}, username_lower = ${lower(profile.username)}
          WHERE id = ${profile.id} RETURNING *`
        return { user: toUser(updated[0]!), created: false }
      }).pipe(Effect.orDie),
    find: (id) => q<UserRow>`SELECT * FROM users WHERE id = ${id}`.pipe(Effect.map(one), Effect.orDie),
    findByUsername: (username) =>
      q<UserRow>`SELECT * FROM users WHERE username_lower = ${username.replace(/^@/, "").toLowerCase()} ORDER BY id LIMIT 1`.pipe(
        Effect.map(one),
        Effect.orDie
      ),
    setBanned: (id, banned) => update(id, q<UserRow>`UPDATE users SET banned = ${banned ? 1 : 0} WHERE id = ${id} RETURNING *`),
    setLanguage: (id, language) => update(id, q<UserRow>`UPDATE users SET language = ${language} WHERE id = ${id} RETURNING *`),
    list: (page) =>
      paged(
        page,
        q<WithTotal<UserRow>>`SELECT *, ${sql.literal(TOTAL)} FROM users ORDER BY registered_at, id LIMIT ${page.limit} OFFSET ${page.offset}`,
        q<{ n: unknown }>`SELECT COUNT(*) AS n FROM users`,
        toUser
      ).pipe(Effect.orDie),
    countRegistered: (window) =>
      q<{ n: unknown }>`SELECT COUNT(*) AS n FROM users WHERE registered_at >= ${millis(window.from)} AND registered_at < ${millis(window.to)}`.pipe(
        Effect.map(([r]) => int(r?.n ?? 0)),
        Effect.orDie
      )
  })
}))
