/** Inventory buttons and questions: browse all stock, upload a file, add items step by step, reprice, delete. */
import { CategoryId, MoneyFromJson, SubcategoryId } from "@tokenshop/domain"
import * as Schema from "effect/Schema"
import { Category, PageNo, Sub } from "../../CallbackFields.js"

export const inventoryCallbacks = [
  Schema.TaggedStruct("Inventory", { page: PageNo }),
  Schema.TaggedStruct("InventoryCategory", { category: Category, page: PageNo }),
  Schema.TaggedStruct("InventorySub", { subcategory: Sub }),
  Schema.TaggedStruct("Upload", {}),
  Schema.TaggedStruct("AddItems", {}),
  Schema.TaggedStruct("Reprice", { subcategory: Sub }),
  Schema.TaggedStruct("DeleteSub", { subcategory: Sub }),
  Schema.TaggedStruct("DeleteSubConfirm", { subcategory: Sub }),
  Schema.TaggedStruct("DeleteCategory", { category: Category }),
  Schema.TaggedStruct("DeleteCategoryConfirm", { category: Category })
] as const

export const inventoryCodes = {
  Inventory: ["ai", ["page"]],
  InventoryCategory: ["ac", ["category", "page"]],
  InventorySub: ["as", ["subcategory"]],
  Upload: ["au", []],
  AddItems: ["an", []],
  Reprice: ["ap", ["subcategory"]],
  DeleteSub: ["ad", ["subcategory"]],
  DeleteSubConfirm: ["aD", ["subcategory"]],
  DeleteCategory: ["ak", ["category"]],
  DeleteCategoryConfirm: ["aK", ["category"]]
} as const

/** Adding items step by step: each answer carries what the earlier ones gave. */
const Names = { category: Schema.String, subcategory: Schema.String }
export const inventoryAsked = [
  Schema.TaggedStruct("UploadFile", {}),
  Schema.TaggedStruct("NewCategory", {}),
  Schema.TaggedStruct("NewSubcategory", { category: Schema.String }),
  Schema.TaggedStruct("NewDescription", Names),
  Schema.TaggedStruct("NewPrice", { ...Names, description: Schema.String }),
  Schema.TaggedStruct("NewData", { ...Names, description: Schema.String, price: MoneyFromJson }),
  Schema.TaggedStruct("NewSubPrice", { subcategory: SubcategoryId, category: CategoryId })
] as const
