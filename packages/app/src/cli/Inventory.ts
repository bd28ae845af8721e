/** `tokenshop stock` and `tokenshop item remove`: the inventory from the server's command line. */
import { Catalog, formatMoney, ItemId, operator, SubcategoryId } from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { CliFailure } from "./Output.js"

const cli = operator("cli")
const all = { offset: 0, limit: Number.MAX_SAFE_INTEGER }

/** Unsold items per category and subcategory, empty ones included, with each subcategory's id and next price. */
export const stock = Effect.gen(function*() {
  const catalog = yield* Catalog
  const categories = (yield* catalog.inventory(cli, all)).items
  if (categories.length === 0) return yield* Console.log("the shop has no categories yet (tokenshop import FILE adds items)")
  const lines: Array<string> = []
  let total = 0
  for (const category of categories) {
    const { subcategories } = yield* catalog.inventoryOf(cli, category.id, all)
    lines.push(`${category.name}: ${category.stock} unsold`)
    for (const sub of subcategories.items) {
      const price = sub.unitPrice === null ? "" : `, next at ${formatMoney(sub.unitPrice)}`
      lines.push(`  ${sub.name} (subcategory ${sub.id}): ${sub.stock} unsold${price}`)
    }
    total += category.stock
  }
  lines.push(`${total} unsold item(s) in ${categories.length} categor${categories.length === 1 ? "y" : "ies"}`)
  yield* Console.log(lines.join("\n"))
})

const positive = (what: string) => (text: string) =>
  /^\d{1,15}$/.test(text) && Number(text) > 0 ? Effect.succeed(Number(text)) : Effect.fail(new CliFailure(`"${text}" is not ${what}`))

/** Removes unsold items by id (`--id`, repeatable) or every unsold item of a subcategory (`--subcategory`). */
export const removeItems = (ids: ReadonlyArray<string>, subcategory: Option.Option<string>) =>
  Effect.gen(function*() {
    const catalog = yield* Catalog
    if (ids.length > 0 === Option.isSome(subcategory)) {
      return yield* Effect.fail(new CliFailure("give either --id ITEM_ID (one or more) or --subcategory SUBCATEGORY_ID"))
    }
    if (Option.isSome(subcategory)) {
      const id = SubcategoryId.make(yield* positive("a subcategory id")(subcategory.value))
      const removed = yield* catalog.removeItems(cli, { _tag: "Subcategory", id })
      return yield* Console.log(`removed ${removed.length} unsold item(s) of subcategory ${id}; sold items and the subcategory stay`)
    }
    const wanted = yield* Effect.forEach(ids, (text) => Effect.map(positive("an item id")(text), (n) => ItemId.make(n)))
    const removed = new Set<number>(yield* catalog.removeItems(cli, { _tag: "Items", ids: wanted }))
    const kept = [...new Set(wanted)].filter((id) => !removed.has(id))
    yield* Console.log(`removed ${removed.size} unsold item(s)${removed.size > 0 ? `: ${[...removed].join(", ")}` : ""}`)
    if (kept.length > 0) {
      return yield* Effect.fail(new CliFailure(`not removed (sold, or no such item): ${kept.join(", ")}`))
    }
  })
