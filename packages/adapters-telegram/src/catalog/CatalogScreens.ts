/** The catalog: categories, subcategories, and a subcategory's card with its quantity picker. */
import { type CategoryId, type CategoryView, formatMoney, type Page, type SubcategoryView } from "@tokenshop/domain"
import { button, escapeHtml, nonEmpty, pager, type Screen, type Speaker } from "../Screens.js"
import { cutEscaped, SAFE_LIMIT, splitEscaped } from "./Fit.js"

export const categories = (s: Speaker, page: Page<CategoryView>): Screen => ({
  text: page.total === 0 ? s.t("catalog-empty") : s.t("catalog-categories"),
  keyboard: nonEmpty([
    ...page.items.map((c) => [button(`${c.name} (${c.stock})`, { _tag: "Subcategories", category: c.id, page: 0 })]),
    pager(s, page, (p) => ({ _tag: "Categories", page: p })),
    [button(s.t("button-main"), { _tag: "Main" })]
  ])
})

export const subcategories = (s: Speaker, categoryName: string, categoryId: CategoryId, page: Page<SubcategoryView>): Screen => ({
  text: page.total === 0 ? s.html("catalog-empty") : s.html("catalog-subcategories", { category: categoryName }),
  keyboard: nonEmpty([
    ...page.items.map((sub) => [
      button(
        s.t("catalog-subcategory-line", {
          name: sub.name,
          price: sub.unitPrice === null ? "-" : formatMoney(sub.unitPrice, s.language),
          stock: sub.stock
        }),
        { _tag: "Subcategory", subcategory: sub.id }
      )
    ]),
    pager(s, page, (p) => ({ _tag: "Subcategories", category: categoryId, page: p })),
    [button(s.t("button-back"), { _tag: "Categories", page: 0 })]
  ])
})

/** The card's text with an already escaped description. */
const cardText = (s: Speaker, sub: SubcategoryView, description: string): string => {
  const body = s.t("catalog-card", {
    category: escapeHtml(sub.categoryName),
    name: escapeHtml(sub.name),
    description,
    price: sub.unitPrice === null ? "-" : formatMoney(sub.unitPrice, s.language),
    stock: sub.stock
  })
  return `${body}\n\n${sub.stock > 0 ? s.t("catalog-choose-quantity") : s.t("catalog-sold-out")}`
}

/**
 * The card of one subcategory with a quantity picker (1 to 10, at most the stock). A description too
 * long for one message is cut on the card, with a button to the whole text.
 */
export const card = (s: Speaker, sub: SubcategoryView): Screen => {
  const quantities = Array.from({ length: Math.min(10, sub.stock) }, (_, i) => i + 1)
  const description = escapeHtml(sub.description ?? "")
  const room = Math.max(1, SAFE_LIMIT - cardText(s, sub, "").length)
  const cut = description.length > room
  return {
    text: cardText(s, sub, cut ? cutEscaped(description, room) : description),
    keyboard: nonEmpty([
      quantities.slice(0, 5).map((q) => button(String(q), { _tag: "AddToCart", subcategory: sub.id, quantity: q })),
      quantities.slice(5).map((q) => button(String(q), { _tag: "AddToCart", subcategory: sub.id, quantity: q })),
      sub.stock > 10 ? [button(s.t("catalog-button-type-quantity"), { _tag: "TypeQuantity", subcategory: sub.id })] : [],
      cut ? [button(s.t("catalog-button-full-description"), { _tag: "Description", subcategory: sub.id, page: 0 })] : [],
      [button(s.t("menu-cart"), { _tag: "Cart" })],
      [button(s.t("button-back"), { _tag: "Subcategories", category: sub.categoryId, page: 0 })]
    ])
  }
}

/** The pages of a subcategory's whole description, each under the message limit. */
export const descriptionPages = (s: Speaker, sub: SubcategoryView): ReadonlyArray<string> => {
  const title = s.html("catalog-description-title", { category: sub.categoryName, name: sub.name })
  return splitEscaped(escapeHtml(sub.description ?? ""), Math.max(1, SAFE_LIMIT - title.length - 2)).map((piece) => `${title}\n\n${piece}`)
}

/** One page of the whole description, with Back to the card; `undefined` past the last page. */
export const description = (s: Speaker, sub: SubcategoryView, page: number): Screen | undefined => {
  const pages = descriptionPages(s, sub)
  const text = pages[page]
  if (text === undefined) return undefined
  return {
    text,
    keyboard: nonEmpty([
      pager(s, { items: [], total: pages.length, offset: page, limit: 1 }, (p) => ({ _tag: "Description", subcategory: sub.id, page: p })),
      [button(s.t("button-back"), { _tag: "Subcategory", subcategory: sub.id })]
    ])
  }
}
