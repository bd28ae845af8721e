/**
 * Reads every row this move-in carries over from an AiogramShopBot database of any era (see AnchorSchema),
 * and counts what it does not (Uncarried).
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import { flag, int, isPg } from "../internal/rows.js"
import {
  type AnchorBuy, type AnchorData, type AnchorDeposit, type AnchorItem, type AnchorNamed, type AnchorPayment, type AnchorUser,
  checkAnchor, type Columns, columnsOf, has
} from "./AnchorSchema.js"
import { shortestDecimal } from "./FloatMoney.js"
import { readUncarried } from "./Uncarried.js"

type Row = Record<string, unknown>

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const num = (v: unknown): number => (typeof v === "number" ? v : Number(String(v)))
const optionalInt = (v: unknown): number | null => (v === null || v === undefined ? null : int(v))

/**
 * A stored time: PostgreSQL gives a Date; SQLAlchemy on SQLite stores "YYYY-MM-DD HH:MM:SS[.ffffff]"
 * without a zone (UTC: the bot's func.now() and datetime.now(utc)); null when absent or unreadable.
 */
export const anchorTime = (v: unknown): Date | null => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v
  if (typeof v !== "string") return null
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,3})?\d*(Z|[+-]\d{2}:?\d{2})?$/.exec(v.trim())
  if (m === null) return null
  const d = new Date(`${m[1]}T${m[2]}${m[3] ?? ""}${m[4] ?? "Z"}`)
  return Number.isNaN(d.getTime()) ? null : d
}

/** Exact base units from an integer column (read as text: SQLite's int64 and NUMERIC(78,0) exceed a double). */
const units = (v: unknown): bigint => {
  const s = String(v).trim()
  if (/^\d+$/.test(s)) return BigInt(s)
  const plain = shortestDecimal(Number(s))
  return /^\d+(\.\d*)?$/.test(plain) ? BigInt(plain.split(".")[0]!) : 0n
}

/** Item ids of one buyItem row: a JSON list (SQLite), an integer[] (PostgreSQL), or a single item_id (before Dec 2025). */
const itemIdsOf = (r: Row): ReadonlyArray<number> => {
  if (r["item_ids"] === undefined || r["item_ids"] === null) return r["item_id"] === undefined || r["item_id"] === null ? [] : [int(r["item_id"])]
  const v = r["item_ids"]
  const list: unknown = Array.isArray(v) ? v : JSON.parse(String(v))
  return Array.isArray(list) ? list.map(int) : [int(list)]
}

const languageOf = (v: unknown): string | null => {
  const s = text(v)
  return s === null ? null : s.toLowerCase()
}

export const readAnchor = (sql: SqlClient.SqlClient) =>
  Effect.gen(function*() {
    const columns: Columns = yield* columnsOf(sql)
    yield* checkAnchor(columns)
    const all = (table: string, extra = "") => sql.unsafe<Row>(`SELECT *${extra} FROM "${table}" ORDER BY id`)

    const users = (yield* all("users")).map((r): AnchorUser => ({
      id: int(r["id"]),
      telegramId: int(r["telegram_id"]),
      username: text(r["telegram_username"]),
      language: languageOf(r["language"]),
      banned: flag(r["is_banned"]),
      topUp: num(r["top_up_amount"] ?? 0),
      consumed: num(r["consume_records"] ?? 0),
      registeredAt: anchorTime(r["registered_at"])
    }))
    const named = (rows: ReadonlyArray<Row>) => rows.map((r): AnchorNamed => ({ id: int(r["id"]), name: String(r["name"]) }))
    const categories = named(yield* all("categories"))
    const subcategories = named(yield* all("subcategories"))
    const items = (yield* all("items")).map((r): AnchorItem => ({
      id: int(r["id"]),
      categoryId: int(r["category_id"]),
      subcategoryId: int(r["subcategory_id"]),
      privateData: text(r["private_data"]),
      price: num(r["price"]),
      sold: flag(r["is_sold"]),
      isNew: flag(r["is_new"]),
      description: String(r["description"] ?? ""),
      physical: String(r["item_type"] ?? "").toUpperCase() === "PHYSICAL"
    }))
    const lines = new Map<number, Array<number>>()
    for (const r of yield* all("buyItem")) {
      const buy = int(r["buy_id"])
      lines.set(buy, [...(lines.get(buy) ?? []), ...itemIdsOf(r)])
    }
    const buys = (yield* all("buys")).map((r): AnchorBuy => ({
      id: int(r["id"]),
      buyerId: optionalInt(r["buyer_id"]),
      total: num(r["total_price"]),
      at: anchorTime(r["buy_datetime"]),
      refunded: has(columns, "buys", "status") ? String(r["status"]) === "REFUNDED" : flag(r["is_refunded"]),
      itemIds: lines.get(int(r["id"])) ?? []
    }))
    const deposits = !columns.has("deposits") ? [] : (yield* all("deposits", ", CAST(amount AS TEXT) AS amount_text")).map((r): AnchorDeposit => ({
      id: int(r["id"]),
      userId: int(r["user_id"]),
      network: String(r["network"] ?? r["blockchain"] ?? ""),
      units: units(r["amount_text"]),
      fiat: r["fiat_amount"] === undefined || r["fiat_amount"] === null ? null : num(r["fiat_amount"]),
      at: anchorTime(r["deposit_datetime"])
    }))
    const payments = !columns.has("payments") ? [] : (yield* all("payments")).map((r): AnchorPayment => ({
      id: int(r["id"]),
      userId: optionalInt(r["user_id"]),
      processingPaymentId: int(r["processing_payment_id"]),
      messageId: optionalInt(r["message_id"]),
      paid: flag(r["is_paid"]),
      expires: anchorTime(r["expire_datetime"])
    }))
    const uncarried = yield* readUncarried(sql, columns)
    const late = has(columns, "buys", "status")
    const era = `${isPg(sql) ? "PostgreSQL" : "SQLite"}, ${late ? "Dec 2025 and later" : "before Dec 2025"} schema`
    return { era, users, categories, subcategories, items, buys, deposits, payments, uncarried } satisfies AnchorData
  })
