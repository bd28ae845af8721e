import { benchCheckoutSqlite } from "./checkout-sqlite.js"

const fmt = (n: number) => n.toFixed(0)

const main = async () => {
  console.log("tokenshop benchmarks (figures from this run; compare ratios, not absolute numbers)\n")
  const sqlite = await benchCheckoutSqlite()
  console.log(`checkout, SQLite WAL, 10,000 checkouts by 1,000 users: shop ${fmt(sqlite.shopRate)}/s, raw better-sqlite3 ${fmt(sqlite.rawRate)}/s, ratio ${sqlite.ratio.toFixed(2)} (target >= 0.5)`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
