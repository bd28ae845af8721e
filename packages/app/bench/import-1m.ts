/** `tokenshop import` of 1,000,000 TXT lines into a new SQLite file, in a child process. */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { once } from "node:events"
import { runChild } from "./child.js"

export const LINES = 1_000_000

export const writeInventory = async (path: string, lines: number) => {
  const out = createWriteStream(path)
  for (let i = 0; i < lines; i++) {
    const line = `Category ${i % 7};Subcategory ${i % 101};Licence key for product ${i % 997};${(1 + (i % 5000)) / 100};KEY-${i.toString(36)}-ABCD-EFGH-IJKL\n`
    if (!out.write(line)) await once(out, "drain")
  }
  out.end()
  await once(out, "finish")
}

export const benchImport = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-import-"))
  try {
    const file = join(dir, "inventory.txt")
    await writeInventory(file, LINES)
    const cli = resolve(import.meta.dirname, "../../dist/tokenshop.mjs")
    const result = await runChild([cli, "import", file], { DATABASE_FILE: join(dir, "shop.db"), GOODS_KEY_FILE: join(dir, "goods.key") })
    if (!result.output.includes(`imported ${LINES} items`)) throw new Error(`unexpected output: ${result.output.slice(0, 200)}`)
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The same file sent to the bot as a document by an admin (downloaded from a loopback file server). */
export const benchUpload = async () => {
  const dir = mkdtempSync(join(tmpdir(), "tokenshop-upload-"))
  try {
    const file = join(dir, "inventory.txt")
    await writeInventory(file, LINES)
    const result = await runChild([resolve(import.meta.dirname, "upload-child.js"), join(dir, "shop.db"), file], {})
    if (!result.output.includes(`Imported ${LINES.toLocaleString("en")} items`)) throw new Error(`unexpected answer: ${result.output.slice(0, 300)}`)
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
