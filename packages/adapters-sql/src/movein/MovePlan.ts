/**
 * What a move-in would write, worked out from the source's rows and what the shop already holds
 * (earlier move-ins in `movein_map`, users, category and subcategory names): pure, so the dry run and
 * the applied run plan alike. Anything already moved in is left out, so a second run plans nothing.
 */
import { type Asset, allAssets } from "@tokenshop/domain"
import type { AnchorBuy, AnchorData, AnchorDeposit, AnchorItem, AnchorPayment, AnchorUser } from "./AnchorSchema.js"
import { type Converted, floatToMinor } from "./FloatMoney.js"

export type MapKind = "user" | "category" | "subcategory" | "item" | "buy" | "deposit" | "payment"

export interface ShopState {
  /** Earlier move-ins from this source: kind → anchor id → our id. */
  readonly mapped: ReadonlyMap<MapKind, ReadonlyMap<string, string>>
  /** Telegram ids of the source's users that the shop has already. */
  readonly users: ReadonlySet<number>
  readonly categories: ReadonlyMap<string, number>
  /** `${our category id}/${name}` → our id. */
  readonly subcategories: ReadonlyMap<string, number>
}

export interface PlannedUser extends AnchorUser {
  readonly exists: boolean
  readonly topUpMinor: Converted
  readonly consumedMinor: Converted
}
export interface PlannedSub {
  readonly key: string
  readonly categoryKey: string
  readonly name: string
  readonly existing: number | null
}
export interface PlannedItem extends AnchorItem {
  readonly subKey: string
  readonly priceMinor: Converted
  /**
   * "sold": sold in the source, or part of a purchase there. "withheld": an unsold physical unit, which
   * this shop cannot deliver: moved in out of stock, never for sale (see MoveInWriter). "unsold": in stock.
   */
  readonly sellAs: "sold" | "unsold" | "withheld"
}
export interface PlannedBuy extends AnchorBuy {
  readonly user: number
  readonly totalMinor: Converted
}
export interface PlannedDeposit extends AnchorDeposit {
  readonly user: number
  readonly asset: Asset
  readonly fiatMinor: Converted | null
}
export interface Plan {
  readonly users: ReadonlyArray<PlannedUser>
  readonly categories: ReadonlyArray<{ readonly key: string; readonly name: string; readonly existing: number | null }>
  readonly subcategories: ReadonlyArray<PlannedSub>
  readonly items: ReadonlyArray<PlannedItem>
  readonly buys: ReadonlyArray<PlannedBuy>
  readonly deposits: ReadonlyArray<PlannedDeposit>
  readonly payments: ReadonlyArray<AnchorPayment>
  /** Users whose consume_records differ from the sum of their purchases (not refunded), in minor units. */
  readonly mismatches: ReadonlyArray<{ readonly user: number; readonly consumeRecords: bigint; readonly purchases: bigint }>
  /** Rows left behind, each with why. */
  readonly skipped: ReadonlyArray<string>
}

export const isEmpty = (p: Plan): boolean =>
  p.users.length + p.categories.length + p.subcategories.length + p.items.length + p.buys.length + p.deposits.length + p.payments.length === 0

const ASSETS = new Set<string>(allAssets)

export const makePlan = (data: AnchorData, shop: ShopState, digits: number): Plan => {
  const done = (kind: MapKind, id: number | string) => shop.mapped.get(kind)?.has(String(id)) ?? false
  const skipped: Array<string> = []
  const convert = (v: number) => floatToMinor(v, digits)
  const telegramOf = new Map(data.users.map((u) => [u.id, u.telegramId]))
  const knownUser = (id: number | null) => id !== null && telegramOf.has(id)

  const users = data.users.filter((u) => !done("user", u.id)).map((u): PlannedUser => {
    const planned = { ...u, exists: shop.users.has(u.telegramId), topUpMinor: convert(u.topUp), consumedMinor: convert(u.consumed) }
    if (planned.topUpMinor.minor < 0n || planned.consumedMinor.minor < 0n) skipped.push(`user ${u.telegramId}: a negative balance column, moved in without a balance`)
    return planned
  })

  const categoryName = new Map(data.categories.map((c) => [c.id, c.name]))
  const subName = new Map(data.subcategories.map((s) => [s.id, s.name]))
  const inBuy = new Set(data.buys.flatMap((b) => b.itemIds))
  const itemById = new Map(data.items.map((i) => [i.id, i]))
  const usable = data.items.filter((i) => {
    if (categoryName.has(i.categoryId) && subName.has(i.subcategoryId)) return true
    skipped.push(`item ${i.id}: its category ${i.categoryId} or subcategory ${i.subcategoryId} is missing`)
    return false
  })
  const catKeys = [...new Set(usable.map((i) => i.categoryId))].sort((a, b) => a - b)
  const categories = catKeys.filter((c) => !done("category", c)).map((c) => ({
    key: String(c), name: categoryName.get(c)!, existing: shop.categories.get(categoryName.get(c)!) ?? null
  }))
  const ourCategory = (c: number) => shop.mapped.get("category")?.get(String(c)) ?? (shop.categories.get(categoryName.get(c)!) ?? null)
  const subKeys = [...new Map(usable.map((i) => [`${i.categoryId}:${i.subcategoryId}`, i])).values()]
  const subcategories = subKeys.filter((i) => !done("subcategory", `${i.categoryId}:${i.subcategoryId}`)).map((i): PlannedSub => {
    const cat = ourCategory(i.categoryId)
    const name = subName.get(i.subcategoryId)!
    return {
      key: `${i.categoryId}:${i.subcategoryId}`, categoryKey: String(i.categoryId), name,
      existing: cat === null ? null : shop.subcategories.get(`${cat}/${name}`) ?? null
    }
  })
  const items = usable.filter((i) => !done("item", i.id)).map((i): PlannedItem => ({
    ...i, subKey: `${i.categoryId}:${i.subcategoryId}`, priceMinor: convert(i.price),
    sellAs: i.sold || inBuy.has(i.id) ? "sold" : i.physical ? "withheld" : "unsold"
  }))

  const claimed = new Set<number>()
  const buys: Array<PlannedBuy> = []
  const purchases = new Map<number, bigint>()
  for (const b of data.buys) {
    const totalMinor = convert(b.total)
    if (b.buyerId !== null && !b.refunded) purchases.set(b.buyerId, (purchases.get(b.buyerId) ?? 0n) + totalMinor.minor)
    if (done("buy", b.id)) continue
    if (!knownUser(b.buyerId)) {
      skipped.push(`purchase ${b.id}: its buyer ${b.buyerId ?? "(none)"} is not among the users`)
      continue
    }
    const missing = b.itemIds.filter((id) => !itemById.has(id) || claimed.has(id))
    if (missing.length > 0) skipped.push(`purchase ${b.id}: item(s) ${missing.join(", ")} missing or in another purchase, left out of it`)
    const itemIds = b.itemIds.filter((id) => itemById.has(id) && !claimed.has(id))
    for (const id of itemIds) claimed.add(id)
    buys.push({ ...b, itemIds, user: telegramOf.get(b.buyerId!)!, totalMinor })
  }

  const mismatches = data.users.flatMap((u) => {
    const consumeRecords = convert(u.consumed).minor
    const bought = purchases.get(u.id) ?? 0n
    return consumeRecords === bought ? [] : [{ user: u.telegramId, consumeRecords, purchases: bought }]
  })

  const deposits = data.deposits.filter((d) => !done("deposit", d.id)).flatMap((d): Array<PlannedDeposit> => {
    if (!knownUser(d.userId)) return (skipped.push(`deposit ${d.id}: its user ${d.userId} is not among the users`), [])
    if (!ASSETS.has(d.network)) return (skipped.push(`deposit ${d.id}: ${d.network} is not an asset this shop knows`), [])
    return [{ ...d, user: telegramOf.get(d.userId)!, asset: d.network as Asset, fiatMinor: d.fiat === null ? null : convert(d.fiat) }]
  })
  const payments = data.payments.filter((p) => !done("payment", p.id))
  return { users, categories, subcategories, items, buys, deposits, payments, mismatches, skipped }
}
