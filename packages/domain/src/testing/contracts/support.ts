import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import { CategoryId, IdempotencyKey, SubcategoryId, TelegramId } from "../../Ids.js"
import { money } from "../../Money.js"
import { UserRepo } from "../../Users.js"

export type { StoragePorts } from "../../Shop.js"

/**
 * The layer a contract runs against. Each test provides it anew; an adapter over a shared
 * database (PostgreSQL) may keep data between tests: contracts use fresh ids and names,
 * and time windows of their own, so leftovers never change an outcome.
 */
export type ContractLayer<R> = Layer.Layer<R, unknown>

let counter = 0
const base = Math.floor(Math.random() * 2 ** 36)
/** A Telegram id no other test uses. */
export const freshId = (): TelegramId => TelegramId.make(base * 1000 + (++counter % 1000) + 1_000_000_000)
/** A name no other test uses. */
export const freshName = (prefix: string): string => `${prefix} ${base.toString(36)}-${++counter}`
export const freshKey = (prefix: string): IdempotencyKey => IdempotencyKey.make(`${prefix}-${base.toString(36)}-${++counter}`)

/** A moment far from every other test's: a random day between the years 2200 and 2400. */
export const freshTime = (): Date => new Date(Date.UTC(2200, 0, 1) + Math.floor(Math.random() * 73_000) * 86_400_000)
export const plus = (d: Date, ms: number): Date => new Date(d.getTime() + ms)

export const usd = (cents: bigint) => money(cents, "USD")

export const registered = (id: TelegramId = freshId(), at: Date = new Date(0)) =>
  Effect.flatMap(UserRepo, (repo) => repo.upsert({ id, username: null, language: "en" }, at)).pipe(
    Effect.map(({ user }) => user.id)
  )

/** Ids that no adapter will ever have issued. */
export const missingCategory = CategoryId.make(2_000_000_000)
export const missingSubcategory = SubcategoryId.make(2_000_000_000)
