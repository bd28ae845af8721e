/**
 * Writes a move-in plan into the shop, all in the caller's transaction, and records every moved-in
 * row in `movein_map` (source, kind, anchor id → our id), which later runs read to skip it.
 *
 * Balances: per user, one `admin_credit` of the converted `top_up_amount` and one `admin_debit` of the
 * converted `consume_records` (each only when above zero; keys `movein:aiogramshopbot:user:{telegram
 * id}:top_up|consume_records`), written unsealed like any entry, so the audit chain seals them. The
 * moved-in purchases carry no ledger entry: `consume_records` already counts them.
 * Items keep their sold flag (an item in any purchase is sold too) and only unsold ones join the stock.
 * An unsold physical unit (this shop delivers digital goods only) is written staged under WITHHELD
 * (`sold = 2`, the state of an import not yet published: outside every query of unsold or listed
 * items), so it is neither in stock nor for sale, yet kept with its subcategory, price and description
 * for when physical goods are sold here; every physical item's `movein_map` row says `item_type`.
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import { type FiatCurrency, impliedRate, money, crypto, sourceKey } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import type { GoodsCipher } from "../GoodsCipher.js"
import { amountText, big, bit, decimalText, int, millis } from "../internal/rows.js"
import { queries } from "../internal/run.js"
import { STAGED } from "../SqlItemWriter.js"
import type { MapKind, Plan, ShopState } from "./MovePlan.js"

export const SOURCE = "aiogramshopbot"
export const ACTOR = "operator migrate-from aiogramshopbot"
/** The import key of the unsold physical units moved in out of stock. */
export const WITHHELD = `movein:${SOURCE}:physical`

/** What the shop holds that a plan depends on. */
export const readShopState = (sql: SqlClient.SqlClient, telegramIds: ReadonlyArray<number>) =>
  Effect.gen(function*() {
    const q = queries(sql)
    const mapped = new Map<MapKind, Map<string, string>>()
    for (const r of yield* q<{ kind: MapKind; anchor_id: string; our_id: string | null }>`SELECT kind, anchor_id, our_id FROM movein_map WHERE source = ${SOURCE}`) {
      mapped.set(r.kind, (mapped.get(r.kind) ?? new Map()).set(r.anchor_id, r.our_id ?? ""))
    }
    const users = new Set<number>()
    for (let i = 0; i < telegramIds.length; i += 500) {
      for (const r of yield* q<{ id: unknown }>`SELECT id FROM users WHERE ${sql.in("id", telegramIds.slice(i, i + 500))}`) users.add(int(r.id))
    }
    const categories = new Map((yield* q<{ id: unknown; name: string }>`SELECT id, name FROM categories`).map((r) => [r.name, int(r.id)]))
    const subcategories = new Map(
      (yield* q<{ id: unknown; category_id: unknown; name: string }>`SELECT id, category_id, name FROM subcategories`)
        .map((r) => [`${int(r.category_id)}/${r.name}`, int(r.id)])
    )
    return { mapped, users, categories, subcategories } satisfies ShopState
  })

export const writePlan = (sql: SqlClient.SqlClient, goods: GoodsCipher["Type"], plan: Plan, shop: ShopState, currency: FiatCurrency, now: Date) =>
  Effect.gen(function*() {
    const q = queries(sql)
    const at = millis(now)
    const ours = new Map<string, string>()
    const ourId = (kind: MapKind, id: string | number) => ours.get(`${kind}:${id}`) ?? shop.mapped.get(kind)?.get(String(id))
    const map = (kind: MapKind, anchorId: string | number, our: string | number | null, detail: string | null = null) => {
      if (our !== null) ours.set(`${kind}:${anchorId}`, String(our))
      return q`INSERT INTO movein_map (source, kind, anchor_id, our_id, detail, created_at)
        VALUES (${SOURCE}, ${kind}, ${String(anchorId)}, ${our === null ? null : String(our)}, ${detail}, ${at})`
    }
    const entry = (user: number, kind: "admin_credit" | "admin_debit", amount: bigint, column: string, text: string) =>
      q`INSERT INTO ledger_entries (user_id, kind, amount, currency, idempotency_key, reason, actor, ref, created_at)
        VALUES (${user}, ${kind}, ${amountText(amount)}, ${currency}, ${`movein:${SOURCE}:user:${user}:${column}`},
          ${`moved in from AiogramShopBot: ${column} ${text}`}, ${ACTOR}, ${null}, ${at})`

    for (const u of plan.users) {
      if (!u.exists) {
        yield* q`INSERT INTO users (id, username, username_lower, language, banned, registered_at)
          VALUES (${u.telegramId}, ${u.username}, ${u.username?.toLowerCase() ?? null}, ${u.language}, ${bit(u.banned)}, ${millis(u.registeredAt ?? now)})`
      }
      yield* map("user", u.id, u.telegramId)
      const topUp = u.topUpMinor.minor, consumed = u.consumedMinor.minor
      if (topUp < 0n || consumed < 0n || topUp + consumed === 0n) continue
      yield* q`INSERT INTO balances (user_id, currency, top_up, consumed) VALUES (${u.telegramId}, ${currency}, '0', '0') ON CONFLICT DO NOTHING`
      const [b] = yield* q<{ top_up: unknown; consumed: unknown }>`SELECT top_up, consumed FROM balances WHERE user_id = ${u.telegramId} AND currency = ${currency}`
      yield* q`UPDATE balances SET top_up = ${amountText(big(b!.top_up) + topUp)}, consumed = ${amountText(big(b!.consumed) + consumed)}
        WHERE user_id = ${u.telegramId} AND currency = ${currency}`
      if (topUp > 0n) yield* entry(u.telegramId, "admin_credit", topUp, "top_up_amount", u.topUpMinor.text)
      if (consumed > 0n) yield* entry(u.telegramId, "admin_debit", consumed, "consume_records", u.consumedMinor.text)
    }

    for (const c of plan.categories) {
      const id = c.existing ?? int((yield* q<{ id: unknown }>`INSERT INTO categories (name) VALUES (${c.name}) RETURNING id`)[0]!.id)
      yield* map("category", c.key, id)
    }
    for (const s of plan.subcategories) {
      const category = ourId("category", s.categoryKey)!
      const existing = s.existing ?? shop.subcategories.get(`${category}/${s.name}`) ?? null
      const id = existing ??
        int((yield* q<{ id: unknown }>`INSERT INTO subcategories (category_id, name) VALUES (${int(category)}, ${s.name}) RETURNING id`)[0]!.id)
      yield* map("subcategory", s.key, id)
    }

    if (plan.items.length > 0 || plan.buys.length > 0) yield* goods.recordKey
    const stock = new Map<string, number>()
    const itemInfo = new Map<number, { sub: string; price: bigint; description: string; privateData: string }>()
    for (const i of plan.items) {
      const sub = ourId("subcategory", i.subKey)!
      const withheld = i.sellAs === "withheld"
      const [row] = yield* q<{ id: unknown }>`INSERT INTO items (subcategory_id, price, currency, description, private_data, sold, is_new, created_at, import_key)
        VALUES (${int(sub)}, ${amountText(i.priceMinor.minor)}, ${currency}, ${i.description}, ${goods.seal(i.privateData ?? "")},
          ${withheld ? STAGED : i.sellAs === "sold" ? 1 : 0}, ${bit(i.isNew && !withheld)}, ${at}, ${withheld ? WITHHELD : null}) RETURNING id`
      yield* map("item", i.id, int(row!.id), i.physical ? JSON.stringify({ item_type: "PHYSICAL", withheld }) : null)
      itemInfo.set(i.id, { sub, price: i.priceMinor.minor, description: i.description, privateData: i.privateData ?? "" })
      if (i.sellAs === "unsold") stock.set(sub, (stock.get(sub) ?? 0) + 1)
    }
    for (const [sub, n] of stock) yield* q`UPDATE subcategories SET stock = stock + ${n} WHERE id = ${int(sub)}`

    for (const b of plan.buys) {
      const created = millis(b.at ?? now)
      const [row] = yield* q<{ id: unknown }>`INSERT INTO buys (user_id, checkout_key, total, currency, created_at, refunded_at)
        VALUES (${b.user}, ${`movein:${SOURCE}:buy:${b.id}`}, ${amountText(b.totalMinor.minor)}, ${currency}, ${created}, ${b.refunded ? created : null})
        RETURNING id`
      const buyId = int(row!.id)
      let position = 0
      for (const anchorItem of b.itemIds) {
        const item = ourId("item", anchorItem)
        if (item === undefined) continue
        const info = itemInfo.get(anchorItem) ?? (yield* storedItem(sql, goods, int(item)))
        const [names] = yield* q<{ category_name: string; subcategory_name: string }>`SELECT c.name AS category_name, s.name AS subcategory_name
          FROM subcategories s JOIN categories c ON c.id = s.category_id WHERE s.id = ${int(info.sub)}`
        yield* q`UPDATE items SET sold = 1 WHERE id = ${int(item)}`
        yield* q`INSERT INTO buy_items (buy_id, position, item_id, subcategory_id, category_name, subcategory_name, description, price, currency, private_data)
          VALUES (${buyId}, ${position++}, ${int(item)}, ${int(info.sub)}, ${names!.category_name}, ${names!.subcategory_name}, ${info.description},
            ${amountText(info.price)}, ${currency}, ${goods.seal(info.privateData)})`
      }
      yield* map("buy", b.id, buyId)
    }

    for (const d of plan.deposits) {
      const source = { kind: "processor" as const, provider: SOURCE, externalId: String(d.id) }
      const fiat = d.fiatMinor?.minor ?? 0n
      const rate = d.units > 0n && fiat > 0n ? decimalText(impliedRate(money(fiat, currency), crypto(d.units, d.asset), now).price) : "0"
      const [row] = yield* q<{ id: unknown }>`INSERT INTO deposits (source_key, user_id, payment_id, source_kind, asset, txid, output_index, provider,
          external_id, units, fiat, currency, rate, created_at)
        VALUES (${sourceKey(source)}, ${d.user}, ${null}, 'processor', ${d.asset}, ${null}, ${null}, ${SOURCE}, ${String(d.id)},
          ${amountText(d.units)}, ${amountText(fiat)}, ${currency}, ${rate}, ${millis(d.at ?? now)}) RETURNING id`
      yield* map("deposit", d.id, int(row!.id))
    }
    for (const p of plan.payments) {
      yield* map("payment", p.id, null, JSON.stringify({
        user_id: p.userId, processing_payment_id: p.processingPaymentId, message_id: p.messageId, is_paid: p.paid, expire_datetime: p.expires
      }))
    }
  })

/** An item moved in by an earlier run, for a purchase that names it. */
const storedItem = (sql: SqlClient.SqlClient, goods: GoodsCipher["Type"], id: number) =>
  Effect.map(
    queries(sql)<{ subcategory_id: unknown; price: unknown; description: string; private_data: string }>`
      SELECT subcategory_id, price, description, private_data FROM items WHERE id = ${id}`,
    ([r]) => ({ sub: String(int(r!.subcategory_id)), price: big(r!.price), description: r!.description, privateData: goods.open(r!.private_data) })
  )
