import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type {
  Category, CategoryView, ClaimedItem, ForeignStock, ImportOptions, ImportReport, ItemSummary, NewItem, RemovalTarget, StockLine, Subcategory,
  SubcategoryView
} from "./CatalogModel.js"
import type { FiatCurrency } from "./Currency.js"
import { CategoryNotFound, type ImportRejected, InvalidInput, type NotAdmin, SubcategoryNotFound } from "./Errors.js"
import { CategoryId, ItemId, SubcategoryId } from "./Ids.js"
import { type ImportFormat, type ImportRecord, parseImport } from "./Import.js"
import { Money } from "./Money.js"
import { type Page, type PageRequest, slice } from "./Paging.js"
import { chunksOf, makeImporter } from "./internal/importing.js"
import { duplicateScan, findDuplicates } from "./ImportDuplicates.js"
import { checkTxt, textLines, txtRecords } from "./ImportText.js"
import { ShopConfig } from "./ShopConfig.js"
import { now } from "./Time.js"
import { Transactor } from "./Transactor.js"
import { type AdminRef, Users } from "./Users.js"

export * from "./CatalogModel.js"

export class CatalogRepo extends Context.Tag("@tokenshop/domain/CatalogRepo")<CatalogRepo, {
  /** The live category with this exact name, reviving a deleted one, or a new one. */
  readonly ensureCategory: (name: string) => Effect.Effect<Category>
  readonly ensureSubcategory: (categoryId: CategoryId, name: string) => Effect.Effect<Subcategory, CategoryNotFound>
  /** Adds items marked new and unsold; returns how many. */
  readonly addItems: (items: ReadonlyArray<NewItem>, now: Date) => Effect.Effect<number>
  /**
   * Stores items under an import's key, invisible (not in stock, not claimable, not listed) until
   * `publishStaged`; a large import is staged a batch per short transaction, so it never holds the
   * shop's write lock for long.
   */
  readonly stageItems: (importKey: string, items: ReadonlyArray<NewItem>, now: Date) => Effect.Effect<number>
  /** Makes an import's staged items new and unsold, all at once; returns how many. */
  readonly publishStaged: (importKey: string) => Effect.Effect<number>
  /** Drops an import's staged items (it failed or was abandoned). */
  readonly dropStaged: (importKey: string) => Effect.Effect<void>
  /**
   * Deletes unsold items: these ids (sold, staged or unknown ones are left alone), or every unsold
   * item of a subcategory, which stays; returns the ids removed.
   */
  readonly removeUnsold: (target: RemovalTarget) => Effect.Effect<ReadonlyArray<ItemId>>
  /** Which of these private data are already held by unsold items (staged ones excluded). */
  readonly unsoldMatching: (privateData: ReadonlyArray<string>) => Effect.Effect<ReadonlySet<string>>
  readonly category: (id: CategoryId) => Effect.Effect<Option.Option<Category>>
  /** A live subcategory with its stock and next price. */
  readonly subcategory: (id: SubcategoryId) => Effect.Effect<Option.Option<SubcategoryView>>
  /** Live categories by name; with `inStockOnly`, those with unsold items only. */
  readonly categories: (page: PageRequest, inStockOnly: boolean) => Effect.Effect<Page<CategoryView>>
  readonly subcategories: (categoryId: CategoryId, page: PageRequest, inStockOnly: boolean) => Effect.Effect<Page<SubcategoryView>>
  /** Prices of the next `n` unsold items, oldest first (fewer when stock is short). */
  readonly nextPrices: (subcategoryId: SubcategoryId, n: number) => Effect.Effect<ReadonlyArray<Money>>
  /**
   * Marks the `n` oldest unsold items sold and returns them; fewer when stock is short.
   * Run inside Transactor.withTransaction and abort when fewer came back, so nothing is half-sold.
   */
  readonly claimUnsold: (subcategoryId: SubcategoryId, n: number) => Effect.Effect<ReadonlyArray<ClaimedItem>>
  /** Deletes the category's unsold items and hides it; sold items and sales history stay. */
  readonly deleteCategory: (id: CategoryId) => Effect.Effect<number, CategoryNotFound>
  readonly deleteSubcategory: (id: SubcategoryId) => Effect.Effect<number, SubcategoryNotFound>
  /** Sets the price of every unsold item of a live subcategory; returns how many changed. Sold items keep theirs. */
  readonly setPrice: (id: SubcategoryId, price: Money) => Effect.Effect<number, SubcategoryNotFound>
  /** Unsold items priced in another currency than `currency`, counted per subcategory and currency. */
  readonly foreignStock: (currency: FiatCurrency) => Effect.Effect<ReadonlyArray<ForeignStock>>
  /** Items of a subcategory (deleted or not), oldest first, without private data. */
  readonly items: (subcategoryId: SubcategoryId, page: PageRequest) => Effect.Effect<Page<ItemSummary>>
  /** Unsold items per live subcategory; with `onlyNew`, the ones not yet announced. */
  readonly stockReport: (onlyNew: boolean) => Effect.Effect<ReadonlyArray<StockLine>>
  /** Marks every item announced; returns how many were new. */
  readonly clearNew: () => Effect.Effect<number>
}>() {}

export class Catalog extends Context.Tag("@tokenshop/domain/Catalog")<Catalog, {
  readonly categories: (page: PageRequest) => Effect.Effect<Page<CategoryView>>
  readonly subcategories: (categoryId: CategoryId, page: PageRequest) => Effect.Effect<Page<SubcategoryView>, CategoryNotFound>
  readonly subcategory: (id: SubcategoryId) => Effect.Effect<SubcategoryView, SubcategoryNotFound>
  /** Validated records, all imported in one transaction; duplicated private data refused unless allowed. */
  readonly importRecords: (admin: AdminRef, records: ReadonlyArray<ImportRecord>, options?: ImportOptions) => Effect.Effect<ImportReport, NotAdmin | ImportRejected>
  /**
   * Validated records in batches, e.g. read from a large file: all are imported in one transaction,
   * or none when the stream fails. Memory stays at one batch. Duplicates are not checked here.
   */
  readonly importStream: <E>(admin: AdminRef, batches: Stream.Stream<ReadonlyArray<ImportRecord>, E>) => Effect.Effect<ImportReport, NotAdmin | E>
  /** Parses a JSON or TXT file, validates every record, and imports all or nothing. */
  readonly importFile: (admin: AdminRef, format: ImportFormat, content: string, options?: ImportOptions) => Effect.Effect<ImportReport, NotAdmin | ImportRejected>
  readonly deleteCategory: (admin: AdminRef, id: CategoryId) => Effect.Effect<number, NotAdmin | CategoryNotFound>
  readonly deleteSubcategory: (admin: AdminRef, id: SubcategoryId) => Effect.Effect<number, NotAdmin | SubcategoryNotFound>
  /**
   * A large TXT inventory as a re-runnable stream of text chunks: every line is checked first (only
   * the problems are kept), duplicated private data looked for (unless allowed), then all are imported
   * in one transaction. Memory stays at one chunk (plus a fingerprint a line while checking).
   */
  readonly importText: <E>(admin: AdminRef, chunks: Stream.Stream<string, E>, options?: ImportOptions) => Effect.Effect<ImportReport, NotAdmin | ImportRejected | E>
  /** Every live category, stocked or not, for the admins. */
  readonly inventory: (admin: AdminRef, page: PageRequest) => Effect.Effect<Page<CategoryView>, NotAdmin>
  /** A live category with its unsold items, and a page of its subcategories, stocked or not, for the admins. */
  readonly inventoryOf: (admin: AdminRef, id: CategoryId, page: PageRequest) => Effect.Effect<
    { readonly category: CategoryView; readonly subcategories: Page<SubcategoryView> },
    NotAdmin | CategoryNotFound
  >
  /** A new price for a subcategory's unsold items (in the shop's currency, above zero); how many changed. */
  readonly setPrice: (admin: AdminRef, id: SubcategoryId, price: Money) => Effect.Effect<number, NotAdmin | SubcategoryNotFound | InvalidInput>
  readonly items: (admin: AdminRef, id: SubcategoryId, page: PageRequest) => Effect.Effect<Page<ItemSummary>, NotAdmin>
  /** For the "full stock" and "restock" announcements. */
  readonly stockReport: (onlyNew: boolean) => Effect.Effect<ReadonlyArray<StockLine>>
  readonly markAnnounced: (admin: AdminRef) => Effect.Effect<number, NotAdmin>
  /** Deletes unsold items (by id, or all of a subcategory's); sold ones stay. Returns the ids removed. */
  readonly removeItems: (admin: AdminRef, target: RemovalTarget) => Effect.Effect<ReadonlyArray<ItemId>, NotAdmin | SubcategoryNotFound>
}>() {
  static readonly layer = Layer.effect(Catalog, Effect.gen(function*() {
    const repo = yield* CatalogRepo
    const users = yield* Users
    const tx = yield* Transactor
    const { currency } = yield* ShopConfig

    const importAll = makeImporter(repo, tx)
    const importStream = <E>(admin: AdminRef, batches: Stream.Stream<ReadonlyArray<ImportRecord>, E>) =>
      users.ensureAdmin(admin).pipe(Effect.zipRight(now), Effect.flatMap((at) => importAll(batches, at)), Effect.withSpan("Catalog.importStream"))

    const liveCategory = (id: CategoryId) =>
      repo.category(id).pipe(Effect.flatten, Effect.mapError(() => new CategoryNotFound({ category: id })))

    const unlessAllowed = <E, R>(options: ImportOptions | undefined, blocks: Stream.Stream<ReadonlyArray<ImportRecord>, E, R>) =>
      options?.allowDuplicates === true ? Effect.void : findDuplicates(repo, blocks)
    const importRecords = (admin: AdminRef, records: ReadonlyArray<ImportRecord>, options?: ImportOptions) => {
      const blocks = Stream.fromIterable(chunksOf(records, 5000)) // read twice: duplicates, then the import
      return users.ensureAdmin(admin).pipe(
        Effect.zipRight(unlessAllowed(options, blocks)),
        Effect.zipRight(importStream(admin, blocks))
      )
    }

    return Catalog.of({
      categories: (page) => repo.categories(page, true),
      subcategories: (categoryId, page) => Effect.zipRight(liveCategory(categoryId), repo.subcategories(categoryId, page, true)),
      subcategory: (id) =>
        repo.subcategory(id).pipe(Effect.flatten, Effect.mapError(() => new SubcategoryNotFound({ subcategory: id }))),
      importRecords,
      importStream,
      importFile: (admin, format, content, options) =>
        users.ensureAdmin(admin).pipe(
          Effect.zipRight(parseImport(format, content, currency)),
          Effect.flatMap((records) => importRecords(admin, records, options))
        ),
      importText: (admin, chunks, options) =>
        users.ensureAdmin(admin).pipe(
          Effect.zipRight(Effect.suspend(() => {
            // one read checks every line and looks for duplicates; a second imports
            if (options?.allowDuplicates === true) return checkTxt(textLines(chunks), currency)
            const scan = duplicateScan(repo)
            return Effect.zipRight(checkTxt(textLines(chunks), currency, scan.block), scan.finish(txtRecords(textLines(chunks), currency)))
          })),
          Effect.zipRight(importStream(admin, txtRecords(textLines(chunks), currency)))
        ),
      inventory: (admin, page) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.categories(page, false))),
      inventoryOf: (admin, id, page) =>
        Effect.gen(function*() {
          yield* users.ensureAdmin(admin)
          const { name } = yield* liveCategory(id)
          // One read: the category's stock is the sum over all its subcategories, the page a slice of them.
          const all = (yield* repo.subcategories(id, { offset: 0, limit: Number.MAX_SAFE_INTEGER }, false)).items
          const stock = all.reduce((n, sub) => n + sub.stock, 0)
          return { category: { id, name, stock }, subcategories: slice(all, page) }
        }),
      setPrice: (admin, id, price) =>
        users.ensureAdmin(admin).pipe(
          Effect.zipRight<number, InvalidInput | SubcategoryNotFound, never>(
            price.currency !== currency
              ? Effect.fail(new InvalidInput({ field: "price", problem: `must be in ${currency}` }))
              : price.amount <= 0n
              ? Effect.fail(new InvalidInput({ field: "price", problem: "must be greater than 0" }))
              : tx.withTransaction(repo.setPrice(id, price))
          )
        ),
      deleteCategory: (admin, id) =>
        users.ensureAdmin(admin).pipe(Effect.zipRight(tx.withTransaction(repo.deleteCategory(id)))),
      deleteSubcategory: (admin, id) =>
        users.ensureAdmin(admin).pipe(Effect.zipRight(tx.withTransaction(repo.deleteSubcategory(id)))),
      items: (admin, id, page) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.items(id, page))),
      stockReport: repo.stockReport,
      markAnnounced: (admin) => users.ensureAdmin(admin).pipe(Effect.zipRight(repo.clearNew())),
      removeItems: (admin, target) =>
        users.ensureAdmin(admin).pipe(
          Effect.zipRight(target._tag === "Subcategory"
            ? Effect.asVoid(Effect.flatten(repo.subcategory(target.id)).pipe(Effect.mapError(() => new SubcategoryNotFound({ subcategory: target.id }))))
            : Effect.void),
          Effect.zipRight(tx.withTransaction(repo.removeUnsold(target)))
        )
    })
  }))
}
