/**
 * SHOP_CURRENCY cannot change under a shop that already holds money or stock in another currency:
 * carts, checkout and statistics add amounts of one currency only. Checked when the shop starts, so
 * the owner gets one clear message naming what is priced otherwise, never a failure at a buyer's checkout.
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { CatalogRepo, type ForeignStock } from "./Catalog.js"
import type { FiatCurrency } from "./Currency.js"
import { LedgerRepo } from "./Ledger.js"
import { ShopConfig } from "./ShopConfig.js"

export class ShopCurrencyChanged extends Data.TaggedError("ShopCurrencyChanged")<{
  readonly currency: FiatCurrency
  readonly stock: ReadonlyArray<ForeignStock>
  readonly ledger: ReadonlyArray<{ readonly currency: FiatCurrency; readonly entries: number }>
}> {
  override get message() {
    const named = this.stock.slice(0, 10).map((s) => `${s.category} / ${s.subcategory} (subcategory ${s.subcategoryId}): ${s.unsold} unsold in ${s.currency}`)
    const more = this.stock.length > 10 ? [`and ${this.stock.length - 10} more subcategories`] : []
    const ledger = this.ledger.map((l) => `${l.entries} balance entries in ${l.currency}`)
    const was = [...new Set([...this.stock.map((s) => s.currency), ...this.ledger.map((l) => l.currency)])].join(" or ")
    return [
      `the shop's currency is set to ${this.currency}, but the shop holds ${was}: ${[...named, ...more, ...ledger].join("; ")}.`,
      this.ledger.length > 0
        ? `Set SHOP_CURRENCY back to ${was}: balances cannot change currency.`
        : `Set SHOP_CURRENCY back to ${was}, or price those items in ${this.currency} first: tokenshop price set SUBCATEGORY_ID PRICE.`
    ].join(" ")
  }
}

/** Fails with ShopCurrencyChanged when any unsold item or ledger entry is in another currency than the shop's. */
export const checkShopCurrency = Effect.gen(function*() {
  const { currency } = yield* ShopConfig
  const stock = yield* (yield* CatalogRepo).foreignStock(currency)
  const ledger = yield* (yield* LedgerRepo).foreignEntries(currency)
  if (stock.length > 0 || ledger.length > 0) return yield* new ShopCurrencyChanged({ currency, stock, ledger })
})
