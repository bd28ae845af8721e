/** The catalog: categories, subcategories, and a subcategory's card with its quantity picker. */
import { type CategoryId, type CategoryView, formatMoney, type Page, type SubcategoryView } from "@tokenshop/domain"
import { button, nonEmpty, pager, type Screen, type Speaker } from "../Screens.js"

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

/** The card of one subcategory with a quantity picker (1 to 10, at most the stock). */
export const card = (s: Speaker, sub: SubcategoryView): Screen => {
  const quantities = Array.from({ length: Math.min(10, sub.stock) }, (_, i) => i + 1)
  const body = s.html("catalog-card", {
    category: sub.categoryName,
    name: sub.name,
    description: sub.description ?? "",
    price: sub.unitPrice === null ? "-" : formatMoney(sub.unitPrice, s.language),
    stock: sub.stock
  })
  return {
    text: `${body}\n\n${sub.stock > 0 ? s.t("catalog-choose-quantity") : s.t("catalog-sold-out")}`,
    keyboard: nonEmpty([
      quantities.slice(0, 5).map((q) => button(String(q), { _tag: "AddToCart", subcategory: sub.id, quantity: q })),
      quantities.slice(5).map((q) => button(String(q), { _tag: "AddToCart", subcategory: sub.id, quantity: q })),
      sub.stock > 10 ? [button(s.t("catalog-button-type-quantity"), { _tag: "TypeQuantity", subcategory: sub.id })] : [],
      [button(s.t("menu-cart"), { _tag: "Cart" })],
      [button(s.t("button-back"), { _tag: "Subcategories", category: sub.categoryId, page: 0 })]
    ])
  }
}

