import * as SqlClient from "@effect/sql/SqlClient"
import { type Prompt, PromptRepo, TelegramId } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { int, millis, time, trusted } from "./internal/rows.js"
import { queries } from "./internal/run.js"

interface PromptRow {
  readonly user_id: unknown
  readonly kind: string
  readonly data: string
  readonly expires_at: unknown
}

const toPrompt = (r: PromptRow): Prompt => ({
  user: TelegramId.make(int(r.user_id), trusted),
  kind: r.kind,
  data: r.data,
  expiresAt: time(r.expires_at)
})

export const SqlPromptRepo = Layer.effect(PromptRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  return PromptRepo.of({
    set: (p) =>
      q`INSERT INTO prompts (user_id, kind, data, expires_at) VALUES (${p.user}, ${p.kind}, ${p.data}, ${millis(p.expiresAt)})
          ON CONFLICT (user_id) DO UPDATE SET kind = excluded.kind, data = excluded.data, expires_at = excluded.expires_at`.pipe(
        Effect.asVoid,
        Effect.orDie
      ),
    get: (user, now) =>
      q<PromptRow>`SELECT * FROM prompts WHERE user_id = ${user} AND expires_at > ${millis(now)}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toPrompt)),
        Effect.orDie
      ),
    take: (user, now, kind) =>
      (kind === undefined
        ? q<PromptRow>`DELETE FROM prompts WHERE user_id = ${user} AND expires_at > ${millis(now)} RETURNING *`
        : q<PromptRow>`DELETE FROM prompts WHERE user_id = ${user} AND expires_at > ${millis(now)} AND kind = ${kind} RETURNING *`).pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toPrompt)),
        Effect.orDie
      ),
    clear: (user) => q`DELETE FROM prompts WHERE user_id = ${user}`.pipe(Effect.asVoid, Effect.orDie)
  })
}))
