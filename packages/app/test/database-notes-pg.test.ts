/** On PostgreSQL too, a command says which database it uses and warns before creating a new, empty shop there. */
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cliDir, removeDir, runTokenshop } from "./cliHarness.js"

const url = process.env["TEST_DATABASE_URL"]

describe.skipIf(url === undefined)("database notes on PostgreSQL", () => {
  const schema = `tokenshop_notes_${process.pid}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: url })
  const dir = cliDir()
  const databaseUrl = () => {
    const u = new URL(url!)
    u.searchParams.set("options", `-c search_path=${schema}`)
    return u.toString()
  }
  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
  })
  afterAll(async () => {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
    removeDir(dir)
  })

  it("warns once, when the database holds no shop yet", async () => {
    const shown = `PostgreSQL ${new URL(url!).protocol}//${new URL(url!).username === "" ? "" : `${new URL(url!).username}@`}${new URL(url!).host}${new URL(url!).pathname}`
    const first = await runTokenshop(dir, ["stats"], { DATABASE_URL: databaseUrl() })
    expect(first.code).toBe(0)
    const [notes, key] = first.notes.split("\ngoods key: ")
    expect(notes).toBe(`database: ${shown}\nwarning: ${shown} holds no shop yet: creating a new, empty one (check DATABASE_URL if you expected your shop)`)
    expect(key).toMatch(/^made a new key for the delivered goods/) // the new shop's key file, once
    const second = await runTokenshop(dir, ["stats"], { DATABASE_URL: databaseUrl() })
    expect(second.notes).toBe(`database: ${shown}`)
  })
})
