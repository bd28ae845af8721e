import { describe, expect, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { describeProblem, formatOf, money, parseJson, parseTxt } from "../src/index.js"

const problems = (e: Either.Either<unknown, { problems: ReadonlyArray<Parameters<typeof describeProblem>[0]> }>) =>
  Either.isLeft(e) ? e.left.problems.map(describeProblem) : []

describe("TXT import", () => {
  it("reads CATEGORY;SUBCATEGORY;DESCRIPTION;PRICE;PRIVATE_DATA, private data may hold ';'", () => {
    const result = parseTxt("Games;Steam;A key;12.50;KEY-1;extra\r\n\nGames;Steam;;3;KEY-2\n", "USD")
    expect(result).toEqual(Either.right([
      { category: "Games", subcategory: "Steam", description: "A key", price: money(1250n, "USD"), privateData: "KEY-1;extra", location: { kind: "line", at: 1 } },
      { category: "Games", subcategory: "Steam", description: "", price: money(300n, "USD"), privateData: "KEY-2", location: { kind: "line", at: 3 } }
    ]))
  })

  it("rejects the whole file and names every bad line and field", () => {
    const lines = Array.from({ length: 10 }, (_, i) => `Games;Steam;key ${i};${i === 6 ? "12.5x" : "5"};K${i}`)
    lines.push("Games;Steam;only four fields")
    lines.push(";Steam;d;1;K")
    lines.push("Games;Steam;d;0;K")
    lines.push("Games;Steam;d;1.001;K")
    lines.push("Games;Steam;d;-1;   ")
    expect(problems(parseTxt(lines.join("\n"), "USD"))).toEqual([
      "line 7: price: \"12.5x\" is not a number",
      "line 11: line: expected 5 fields separated by ';' (CATEGORY;SUBCATEGORY;DESCRIPTION;PRICE;PRIVATE_DATA), found 3",
      "line 12: category: must not be empty",
      "line 13: price: must be greater than 0",
      "line 14: price: at most 2 decimals are allowed",
      "line 15: private_data: must not be empty",
      "line 15: price: the amount cannot be negative"
    ])
  })

  it("rejects an empty file and overlong fields", () => {
    expect(problems(parseTxt("\n\n", "USD"))).toEqual(["line 0: file: contains no items"])
    expect(problems(parseTxt(`${"x".repeat(65)};S;d;1;K`, "USD"))).toEqual(["line 1: category: longer than 64 characters"])
  })

  it("lists at most 100 problems and says there were more", () => {
    const result = parseTxt(Array.from({ length: 150 }, () => "bad").join("\n"), "USD")
    expect(Either.isLeft(result) && result.left.problems.length).toBe(100)
    expect(Either.isLeft(result) && result.left.truncated).toBe(true)
  })
})

describe("JSON import", () => {
  it("reads an array of records, with prices as numbers or strings, never through a float", () => {
    const text = `\uFEFF[{"category":"Soft","subcategory":"Office","price":19.99,"description":"Key","private_data":"AAA"},
      {"category":"Soft","subcategory":"Office","price":"0.10","private_data":"BBB"},
      {"category":"Soft","subcategory":"Big","price":12345678901234567.89,"private_data":"CCC"}]`
    expect(parseJson(text, "USD")).toEqual(Either.right([
      { category: "Soft", subcategory: "Office", description: "Key", price: money(1999n, "USD"), privateData: "AAA", location: { kind: "index", at: 0 } },
      { category: "Soft", subcategory: "Office", description: "", price: money(10n, "USD"), privateData: "BBB", location: { kind: "index", at: 1 } },
      { category: "Soft", subcategory: "Big", description: "", price: money(1234567890123456789n, "USD"), privateData: "CCC", location: { kind: "index", at: 2 } }
    ]))
  })

  it("names the index and field of every bad record", () => {
    const text = JSON.stringify([
      { category: "A", subcategory: "B", price: 1, private_data: "x" },
      { category: 5, subcategory: "B", price: "1", private_data: "x" },
      { category: "A", subcategory: "B", price: true, private_data: "x" },
      "not an object",
      { category: "A", subcategory: "B", private_data: "x" }
    ]).replace("\"price\":1,", "\"price\":1e3,")
    expect(problems(parseJson(text, "USD"))).toEqual([
      "index 0: price: write the price as a plain decimal, e.g. 12.50",
      "index 1: category: must be text",
      "index 2: price: must be a number",
      "index 3: item: expected an object",
      "index 4: price: missing"
    ])
  })

  it("reports malformed JSON with its line, and a non-array", () => {
    expect(problems(parseJson("[\n{\"category\": }", "USD"))).toEqual([
      "line 2: file: not valid JSON: line 2: unexpected character '}'"
    ])
    expect(problems(parseJson("{\"a\":1}", "USD"))).toEqual(["line 1: file: expected a JSON array of items"])
    expect(problems(parseJson("[]", "USD"))).toEqual(["line 0: file: contains no items"])
  })

  it("picks the format from the file name", () => {
    expect(formatOf("stock.JSON")).toBe("json")
    expect(formatOf("a.txt")).toBe("txt")
    expect(formatOf("a.csv")).toBeUndefined()
  })
})
