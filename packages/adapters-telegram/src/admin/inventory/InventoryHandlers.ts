/**
 * The inventory: browse every category and subcategory, upload a file, add items step by step,
 * change a price, delete a subcategory or a category after a confirmation that shows what goes.
 */
import { Catalog, parseMoney, Prompts, ShopConfig, validateRecord } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Context as TgContext } from "grammy"
import { ask } from "../../Asked.js"
import type { Answers, Handlers } from "../../Handler.js"
import { listPage, notice, question, type Speaker } from "../../Screens.js"
import { reply, send } from "../../TelegramApi.js"
import { adminGuard } from "../AsAdmin.js"
import * as I from "./InventoryScreens.js"

type Field = "category" | "subcategory" | "description" | "price" | "private_data"
const placeholder = { category: "x", subcategory: "x", description: "", price: "1", private_data: "x" }
/** A description typed in the chat is kept with the question until the last step: shorter than a file's. */
const TYPED_DESCRIPTION = 1000

export const inventoryHandlers = Effect.gen(function*() {
  const catalog = yield* Catalog
  const prompts = yield* Prompts
  const guard = yield* adminGuard
  const { currency } = yield* ShopConfig

  /** The import's own check of one field, the others standing in as valid; the problem, if any. */
  const problemOf = (field: Field, value: string): string | undefined => {
    const checked = validateRecord({ kind: "line", at: 1 }, { ...placeholder, [field]: value }, currency)
    return Either.isLeft(checked) ? checked.left.find((p) => p.field === field)?.problem : undefined
  }
  const again = (ctx: TgContext, s: Speaker, problem: string) =>
    send(ctx, question(s, "inventory-bad-answer", { problem }))
  const gone = (ctx: TgContext, s: Speaker) =>
    reply(ctx, notice(s, "inventory-gone", undefined, { _tag: "Inventory", page: 0 }))

  const handlers = {
    Inventory: (ctx, user, s, { page }) =>
      guard.press(ctx, user, s, (admin) => Effect.flatMap(catalog.inventory(admin, listPage(page)), (p) => reply(ctx, I.inventory(s, p)))),
    InventoryCategory: (ctx, user, s, { category, page }) =>
      guard.press(ctx, user, s, (admin) =>
        catalog.inventoryOf(admin, category, listPage(page)).pipe(
          Effect.flatMap((found) => reply(ctx, I.category(s, found.category, found.subcategories))),
          Effect.catchTag("CategoryNotFound", () => gone(ctx, s))
        )),
    InventorySub: (ctx, user, s, { subcategory }) =>
      guard.press(ctx, user, s, () =>
        catalog.subcategory(subcategory).pipe(
          Effect.flatMap((sub) => reply(ctx, I.subcategory(s, sub))),
          Effect.catchTag("SubcategoryNotFound", () => gone(ctx, s))
        )),
    Upload: (ctx, user, s) =>
      guard.press(ctx, user, s, () => Effect.zipRight(ask(prompts, user.id, { _tag: "UploadFile" }), reply(ctx, question(s, "inventory-upload-ask")))),
    AddItems: (ctx, user, s) =>
      guard.press(ctx, user, s, () => Effect.zipRight(ask(prompts, user.id, { _tag: "NewCategory" }), reply(ctx, question(s, "inventory-ask-category")))),
    Reprice: (ctx, user, s, { subcategory }) =>
      guard.press(ctx, user, s, () =>
        catalog.subcategory(subcategory).pipe(
          Effect.tap((sub) => ask(prompts, user.id, { _tag: "NewSubPrice", subcategory: sub.id, category: sub.categoryId })),
          Effect.flatMap((sub) => reply(ctx, question(s, "inventory-ask-reprice", { name: sub.name, currency, stock: sub.stock }))),
          Effect.catchTag("SubcategoryNotFound", () => gone(ctx, s))
        )),
    DeleteSub: (ctx, user, s, { subcategory }) =>
      guard.press(ctx, user, s, () =>
        catalog.subcategory(subcategory).pipe(
          Effect.flatMap((sub) => reply(ctx, I.confirmDeleteSub(s, sub))),
          Effect.catchTag("SubcategoryNotFound", () => gone(ctx, s))
        )),
    DeleteSubConfirm: (ctx, user, s, { subcategory }) =>
      guard.press(ctx, user, s, (admin) =>
        catalog.deleteSubcategory(admin, subcategory).pipe(
          Effect.flatMap((count) => reply(ctx, I.deleted(s, count))),
          Effect.catchTag("SubcategoryNotFound", () => gone(ctx, s))
        )),
    DeleteCategory: (ctx, user, s, { category }) =>
      guard.press(ctx, user, s, (admin) =>
        catalog.inventoryOf(admin, category, listPage(0)).pipe(
          Effect.flatMap((found) => reply(ctx, I.confirmDeleteCategory(s, found.category))),
          Effect.catchTag("CategoryNotFound", () => gone(ctx, s))
        )),
    DeleteCategoryConfirm: (ctx, user, s, { category }) =>
      guard.press(ctx, user, s, (admin) =>
        catalog.deleteCategory(admin, category).pipe(
          Effect.flatMap((count) => reply(ctx, I.deleted(s, count))),
          Effect.catchTag("CategoryNotFound", () => gone(ctx, s))
        ))
  } satisfies Handlers<
    | "Inventory" | "InventoryCategory" | "InventorySub" | "Upload" | "AddItems" | "Reprice" | "DeleteSub" | "DeleteSubConfirm" | "DeleteCategory"
    | "DeleteCategoryConfirm"
  >

  const answers = {
    // Text while a file is awaited: the question stays; a document answers it (see Upload).
    UploadFile: (ctx, user, s) => guard.typed(user, () => send(ctx, question(s, "inventory-upload-ask"))),
    NewCategory: (ctx, user, s, _asked, text) =>
      guard.typed(user, () => {
        const category = text.trim()
        const problem = problemOf("category", category)
        if (problem !== undefined) return again(ctx, s, problem)
        return Effect.zipRight(ask(prompts, user.id, { _tag: "NewSubcategory", category }), send(ctx, question(s, "inventory-ask-subcategory", { category })))
      }),
    NewSubcategory: (ctx, user, s, { category }, text) =>
      guard.typed(user, () => {
        const subcategory = text.trim()
        const problem = problemOf("subcategory", subcategory)
        if (problem !== undefined) return again(ctx, s, problem)
        return Effect.zipRight(ask(prompts, user.id, { _tag: "NewDescription", category, subcategory }), send(ctx, question(s, "inventory-ask-description")))
      }),
    NewDescription: (ctx, user, s, { category, subcategory }, text) =>
      guard.typed(user, () => {
        const description = text.trim() === "-" ? "" : text.trim()
        if (description.length > TYPED_DESCRIPTION) return again(ctx, s, s.t("inventory-description-too-long", { max: TYPED_DESCRIPTION }))
        return Effect.zipRight(
          ask(prompts, user.id, { _tag: "NewPrice", category, subcategory, description }),
          send(ctx, question(s, "inventory-ask-price", { currency }))
        )
      }),
    NewPrice: (ctx, user, s, { category, description, subcategory }, text) =>
      guard.typed(user, () => {
        const problem = problemOf("price", text.trim())
        const price = parseMoney(text.trim(), currency)
        if (problem !== undefined || Either.isLeft(price)) return again(ctx, s, problem ?? "")
        return Effect.zipRight(
          ask(prompts, user.id, { _tag: "NewData", category, subcategory, description, price: price.right }),
          send(ctx, question(s, "inventory-ask-data"))
        )
      }),
    NewData: (ctx, user, s, asked, text) =>
      guard.typed(user, (admin) =>
        Effect.gen(function*() {
          const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "")
          const checked = lines.map((privateData, i) =>
            validateRecord({ kind: "line", at: i + 1 }, { ...placeholder, private_data: privateData }, currency))
          const problems = checked.flatMap((c) => (Either.isLeft(c) ? c.left : []))
          if (lines.length === 0 || problems.length > 0) return yield* again(ctx, s, problems[0]?.problem ?? s.t("inventory-no-lines"))
          // Taken, so that of two quick messages only one imports.
          const taken = yield* prompts.take(user.id, "NewData")
          if (taken._tag === "None") return false
          const { category, description, price, subcategory } = asked
          const records = lines.map((privateData, i) => ({ category, subcategory, description, price, privateData, location: { kind: "line" as const, at: i + 1 } }))
          return yield* catalog.importRecords(admin, records).pipe(
            Effect.flatMap((report) => send(ctx, I.imported(s, report))),
            Effect.catchTag("ImportRejected", (e) => send(ctx, I.rejected(s, e)))
          )
        })),
    NewSubPrice: (ctx, user, s, { subcategory }, text) =>
      guard.typed(user, (admin) =>
        Effect.gen(function*() {
          const price = parseMoney(text.trim(), currency)
          if (Either.isLeft(price) || price.right.amount <= 0n) return yield* again(ctx, s, problemOf("price", text.trim()) ?? "")
          yield* prompts.clear(user.id)
          const count = yield* catalog.setPrice(admin, subcategory, price.right)
          const sub = yield* catalog.subcategory(subcategory)
          return yield* send(ctx, { ...I.subcategory(s, sub), text: `${s.html("inventory-repriced", { count })}\n\n${I.subcategory(s, sub).text}` })
        }).pipe(Effect.catchTag("SubcategoryNotFound", () => gone(ctx, s))))
  } satisfies Answers<"UploadFile" | "NewCategory" | "NewSubcategory" | "NewDescription" | "NewPrice" | "NewData" | "NewSubPrice">

  return { handlers, answers }
})
