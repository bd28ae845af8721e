/** The rows the catalog reads, and the domain views made of them. */
import { CategoryId, ItemId, type ItemSummary, money, SubcategoryId, type SubcategoryView } from "@tokenshop/domain"
import { big, decodeCurrency, flag, int, time, trusted } from "./rows.js"

export interface ItemRow {
  readonly id: unknown
  readonly subcategory_id: unknown
  readonly price: unknown
  readonly currency: string
  readonly description: string
  readonly private_data?: string
  readonly sold: unknown
  readonly is_new: unknown
  readonly created_at: unknown
}
export interface SubRow {
  readonly id: unknown
  readonly category_id: unknown
  readonly category_name: string
  readonly name: string
  readonly stock: unknown
  readonly next_price: unknown
  readonly next_currency: string | null
  readonly next_description: string | null
}

export const summary = (r: ItemRow): ItemSummary => ({
  id: ItemId.make(int(r.id), trusted),
  subcategoryId: SubcategoryId.make(int(r.subcategory_id), trusted),
  price: money(big(r.price), decodeCurrency(r.currency)),
  description: r.description,
  sold: flag(r.sold),
  isNew: flag(r.is_new),
  createdAt: time(r.created_at)
})
export const subView = (r: SubRow): SubcategoryView => ({
  id: SubcategoryId.make(int(r.id), trusted),
  categoryId: CategoryId.make(int(r.category_id), trusted),
  categoryName: r.category_name,
  name: r.name,
  stock: int(r.stock),
  unitPrice: r.next_currency === null ? null : money(big(r.next_price), decodeCurrency(r.next_currency)),
  description: r.next_description
})
