/** The inventory as the admins see it: every category and subcategory, stocked or not, and what can be done with each. */
import {
  type CategoryView, describeProblem, formatMoney, type ImportRejected, type ImportReport, type Page, type SubcategoryView
} from "@tokenshop/domain"
import { button, escapeHtml, nonEmpty, pager, type Screen, type Speaker } from "../../Screens.js"

/** Problems shown of a rejected file; the rest are counted. */
export const SHOWN_PROBLEMS = 20

const price = (s: Speaker, sub: SubcategoryView) => sub.unitPrice === null ? "-" : formatMoney(sub.unitPrice, s.language)

export const inventory = (s: Speaker, page: Page<CategoryView>): Screen => ({
  text: s.html(page.total === 0 ? "inventory-empty" : "inventory-title"),
  keyboard: nonEmpty([
    ...page.items.map((c) => [button(s.t("inventory-line", { name: c.name, stock: c.stock }), { _tag: "InventoryCategory", category: c.id, page: 0 })]),
    pager(s, page, (p) => ({ _tag: "Inventory", page: p })),
    [button(s.t("inventory-button-upload"), { _tag: "Upload" }), button(s.t("inventory-button-add"), { _tag: "AddItems" })],
    [button(s.t("button-back"), { _tag: "Admin" })]
  ])
})

export const category = (s: Speaker, c: CategoryView, page: Page<SubcategoryView>): Screen => ({
  text: s.html("inventory-category", { category: c.name, stock: c.stock }),
  keyboard: nonEmpty([
    ...page.items.map((sub) => [
      button(s.t("inventory-sub-line", { name: sub.name, stock: sub.stock, price: price(s, sub) }), { _tag: "InventorySub", subcategory: sub.id })
    ]),
    pager(s, page, (p) => ({ _tag: "InventoryCategory", category: c.id, page: p })),
    [button(s.t("inventory-button-delete-category"), { _tag: "DeleteCategory", category: c.id })],
    [button(s.t("button-back"), { _tag: "Inventory", page: 0 })]
  ])
})

export const subcategory = (s: Speaker, sub: SubcategoryView): Screen => ({
  text: s.html("inventory-sub", {
    category: sub.categoryName, subcategory: sub.name, stock: sub.stock, price: price(s, sub), description: sub.description ?? ""
  }),
  keyboard: [
    [button(s.t("inventory-button-reprice"), { _tag: "Reprice", subcategory: sub.id })],
    [button(s.t("inventory-button-delete-sub"), { _tag: "DeleteSub", subcategory: sub.id })],
    [button(s.t("button-back"), { _tag: "InventoryCategory", category: sub.categoryId, page: 0 })]
  ]
})

/** What a deletion takes away, before it does. */
export const confirmDeleteSub = (s: Speaker, sub: SubcategoryView): Screen => ({
  text: s.html("inventory-delete-sub-ask", { name: `${sub.categoryName} / ${sub.name}`, stock: sub.stock }),
  keyboard: [
    [button(s.t("inventory-button-delete-confirm"), { _tag: "DeleteSubConfirm", subcategory: sub.id })],
    [button(s.t("prompt-cancel"), { _tag: "InventorySub", subcategory: sub.id })]
  ]
})

export const confirmDeleteCategory = (s: Speaker, c: CategoryView): Screen => ({
  text: s.html("inventory-delete-category-ask", { name: c.name, stock: c.stock }),
  keyboard: [
    [button(s.t("inventory-button-delete-confirm"), { _tag: "DeleteCategoryConfirm", category: c.id })],
    [button(s.t("prompt-cancel"), { _tag: "InventoryCategory", category: c.id, page: 0 })]
  ]
})

export const deleted = (s: Speaker, count: number): Screen => ({
  text: s.html("inventory-deleted", { count }),
  keyboard: [[button(s.t("button-back"), { _tag: "Inventory", page: 0 })]]
})

export const imported = (s: Speaker, report: ImportReport): Screen => ({
  text: [
    s.html("inventory-imported", { count: report.imported }),
    ...report.lines.slice(0, 30).map((l) => `• ${escapeHtml(l.category)} / ${escapeHtml(l.subcategory)}: ${l.count}`),
    ...(report.lines.length > 30 ? [`… +${report.lines.length - 30}`] : [])
  ].join("\n"),
  keyboard: [[button(s.t("button-back"), { _tag: "Inventory", page: 0 })]]
})

/** A rejected file: by line (or JSON index) and field, the first 20 problems. */
export const rejected = (s: Speaker, e: ImportRejected): Screen => {
  const more = e.problems.length - SHOWN_PROBLEMS
  return {
    text: [
      s.html("inventory-rejected", { count: `${e.problems.length}${e.truncated ? "+" : ""}` }),
      ...e.problems.slice(0, SHOWN_PROBLEMS).map((p) => `• ${escapeHtml(describeProblem(p)).slice(0, 160)}`),
      ...(more > 0 || e.truncated ? [s.html("inventory-rejected-more")] : [])
    ].join("\n"),
    keyboard: [[button(s.t("inventory-button-upload"), { _tag: "Upload" })], [button(s.t("button-back"), { _tag: "Inventory", page: 0 })]]
  }
}
