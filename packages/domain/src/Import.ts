/**
 * The two inventory formats owners of the replaced bot already have:
 *   JSON: [{"category", "subcategory", "price", "description", "private_data"}, ...]
 *   TXT:  CATEGORY;SUBCATEGORY;DESCRIPTION;PRICE;PRIVATE_DATA   (one item a line)
 * In TXT the first four ';' split the fields, so PRIVATE_DATA may itself contain ';'.
 * Blank lines are skipped. Every record is validated before anything is imported.
 */
import * as Either from "effect/Either"
import type { FiatCurrency } from "./Currency.js"
import { ImportRejected, type ImportProblem } from "./Errors.js"
import { JsonNumber, parseLosslessJson, JsonSyntaxError, type JsonValue } from "./internal/LosslessJson.js"
import { type Money, parseMoney } from "./Money.js"

export interface ImportRecord {
  readonly category: string
  readonly subcategory: string
  readonly price: Money
  readonly description: string
  readonly privateData: string
  /** Where it was read: the TXT line or the JSON array index. */
  readonly location?: ImportProblem["location"] | undefined
}

export const limits = {
  name: 64,
  description: 4000,
  privateData: 100_000,
  /** Problems listed before the rest are summarized. */
  problems: 100
} as const

type Location = ImportProblem["location"]
type Fields = { readonly [K in "category" | "subcategory" | "price" | "description" | "private_data"]: unknown }

const text = (
  location: Location,
  field: string,
  value: unknown,
  max: number,
  required: boolean,
  problems: Array<ImportProblem>
): string => {
  if (typeof value !== "string") {
    problems.push({ location, field, problem: value === undefined ? "missing" : "must be text" })
    return ""
  }
  const trimmed = field === "private_data" ? value : value.trim()
  if (required && trimmed.trim() === "") problems.push({ location, field, problem: "must not be empty" })
  else if (trimmed.length > max) problems.push({ location, field, problem: `longer than ${max} characters` })
  return trimmed
}

/** Validates one record; the location names the TXT line or the JSON array index. */
export const validateRecord = (
  location: Location,
  fields: Fields,
  currency: FiatCurrency
): Either.Either<ImportRecord, ReadonlyArray<ImportProblem>> => {
  const problems: Array<ImportProblem> = []
  const category = text(location, "category", fields.category, limits.name, true, problems)
  const subcategory = text(location, "subcategory", fields.subcategory, limits.name, true, problems)
  const description = text(location, "description", fields.description ?? "", limits.description, false, problems)
  const privateData = text(location, "private_data", fields.private_data, limits.privateData, true, problems)
  let price: Money | undefined
  const raw = fields.price instanceof JsonNumber ? fields.price.text : fields.price
  if (typeof raw !== "string") {
    problems.push({ location, field: "price", problem: raw === undefined ? "missing" : "must be a number" })
  } else if (/e/i.test(raw)) {
    problems.push({ location, field: "price", problem: "write the price as a plain decimal, e.g. 12.50" })
  } else {
    const parsed = parseMoney(raw, currency)
    if (Either.isLeft(parsed)) problems.push({ location, field: "price", problem: parsed.left.message })
    else if (parsed.right.amount === 0n) problems.push({ location, field: "price", problem: "must be greater than 0" })
    else price = parsed.right
  }
  return problems.length > 0 || price === undefined
    ? Either.left(problems)
    : Either.right({ category, subcategory, price, description, privateData, location })
}

/** Parses one TXT line (1-based `line`). */
export const parseTxtLine = (
  raw: string,
  line: number,
  currency: FiatCurrency
): Either.Either<ImportRecord, ReadonlyArray<ImportProblem>> => {
  const location: Location = { kind: "line", at: line }
  const content = raw.endsWith("\r") ? raw.slice(0, -1) : raw
  const parts: Array<string> = []
  let rest = content
  for (let k = 0; k < 4; k++) {
    const at = rest.indexOf(";")
    if (at < 0) break
    parts.push(rest.slice(0, at))
    rest = rest.slice(at + 1)
  }
  if (parts.length < 4) {
    return Either.left([{
      location,
      field: "line",
      problem: `expected 5 fields separated by ';' (CATEGORY;SUBCATEGORY;DESCRIPTION;PRICE;PRIVATE_DATA), found ${parts.length + 1}`
    }])
  }
  const [category, subcategory, description, price] = parts
  return validateRecord(location, { category, subcategory, description, price: price?.trim(), private_data: rest }, currency)
}

/** Collects records and problems; stops listing problems at `limits.problems`. */
export class ImportCollector {
  readonly records: Array<ImportRecord> = []
  readonly problems: Array<ImportProblem> = []
  truncated = false
  add(result: Either.Either<ImportRecord, ReadonlyArray<ImportProblem>>): void {
    if (Either.isRight(result)) {
      if (this.problems.length === 0) this.records.push(result.right)
      return
    }
    this.records.length = 0 // all or nothing: no need to keep records once one is bad
    for (const p of result.left) {
      if (this.problems.length < limits.problems) this.problems.push(p)
      else this.truncated = true
    }
  }
  result(): Either.Either<ReadonlyArray<ImportRecord>, ImportRejected> {
    if (this.problems.length > 0) {
      return Either.left(new ImportRejected({ problems: this.problems, truncated: this.truncated }))
    }
    if (this.records.length === 0) {
      return Either.left(new ImportRejected({
        problems: [{ location: { kind: "line", at: 0 }, field: "file", problem: "contains no items" }],
        truncated: false
      }))
    }
    return Either.right(this.records)
  }
}

export const parseTxt = (content: string, currency: FiatCurrency): Either.Either<ReadonlyArray<ImportRecord>, ImportRejected> => {
  const collector = new ImportCollector()
  const lines = content.split("\n")
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === "") continue
    collector.add(parseTxtLine(line, i + 1, currency))
  }
  return collector.result()
}

const isObject = (v: JsonValue): v is { readonly [k: string]: JsonValue } =>
  v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof JsonNumber)

export const parseJson = (content: string, currency: FiatCurrency): Either.Either<ReadonlyArray<ImportRecord>, ImportRejected> => {
  const reject = (location: Location, field: string, problem: string) =>
    Either.left(new ImportRejected({ problems: [{ location, field, problem }], truncated: false }))
  let doc: JsonValue
  try {
    doc = parseLosslessJson(content.replace(/^\uFEFF/, ""))
  } catch (e) {
    if (e instanceof JsonSyntaxError) return reject({ kind: "line", at: e.line }, "file", `not valid JSON: ${e.message}`)
    throw e
  }
  if (!Array.isArray(doc)) return reject({ kind: "line", at: 1 }, "file", "expected a JSON array of items")
  const collector = new ImportCollector()
  const items = doc as ReadonlyArray<JsonValue>
  items.forEach((entry, index) => {
    const location: Location = { kind: "index", at: index }
    if (!isObject(entry)) {
      collector.add(Either.left([{ location, field: "item", problem: "expected an object" }]))
      return
    }
    collector.add(validateRecord(location, entry as Fields, currency))
  })
  return collector.result()
}

export type ImportFormat = "json" | "txt"
export const parseImport = (format: ImportFormat, content: string, currency: FiatCurrency) =>
  format === "json" ? parseJson(content, currency) : parseTxt(content, currency)

/** Picks the format from a file name: ".json" or ".txt". */
export const formatOf = (fileName: string): ImportFormat | undefined => {
  const lower = fileName.toLowerCase()
  return lower.endsWith(".json") ? "json" : lower.endsWith(".txt") ? "txt" : undefined
}
