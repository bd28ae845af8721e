import { availableParallelism } from "node:os"
import { benchBroadcast, LIMIT, RECIPIENTS } from "./broadcast.js"
import { benchChain, TOP_UPS } from "./chain.js"
import { benchCheckoutPg } from "./checkout-pg.js"
import { benchCheckoutSqlite } from "./checkout-sqlite.js"
import { benchImport, benchUpload, LINES } from "./import-1m.js"
import { benchMemory, USERS } from "./memory.js"
import { benchProcesses } from "./processes.js"
import { benchStartup, benchUpdates } from "./telegram.js"

const n = (x: number) => x.toFixed(0)
const only = process.argv.slice(2)
const wanted = (name: string) => only.length === 0 || only.includes(name)

const main = async () => {
  console.log("tokenshop benchmarks: figures from this run; compare the ratios, the machine is shared and noisy\n")
  if (wanted("checkout")) {
    const s = await benchCheckoutSqlite()
    console.log(`checkout/sqlite: 10,000 checkouts by 1,000 users, WAL, synchronous=FULL (the default): shop ${n(s.shopRate)}/s, raw better-sqlite3 ${n(s.rawRate)}/s, ratio ${s.ratio.toFixed(2)} (target >= 0.50)`)
    console.log(`checkout/sqlite: the same shop with DB_SYNCHRONOUS=normal: ${n(s.normalRate)}/s beside ${n(s.shopRate)}/s with FULL (${(s.normalRate / s.shopRate).toFixed(2)}x; NORMAL can lose the last commits in a power cut)`)
    console.log(`checkout/sqlite reference: the same statements as a bare Effect program over @effect/sql-sqlite-node: ${n(s.floorRate)}/s, ratio ${s.floorRatio.toFixed(2)} (the most this stack allows)`)
    const url = process.env["TEST_DATABASE_URL"]
    if (url === undefined) console.log("checkout/postgresql: skipped (TEST_DATABASE_URL is not set)")
    else {
      const p = await benchCheckoutPg(url)
      console.log(`checkout/postgresql: 10,000 checkouts, 8 clients: shop ${n(p.shopRate)}/s, raw pg ${n(p.rawRate)}/s, ratio ${p.ratio.toFixed(2)} (target >= 0.50)`)
    }
  }
  if (wanted("telegram")) {
    const u = await benchUpdates()
    console.log(`telegram: 20,000 "open a category list" updates: ${n(u.categories)}/s; 20,000 "add to cart": ${n(u.adds)}/s; bare grammY + one SQLite write: ${n(u.baseline)}/s; ratios ${(u.categories / u.baseline).toFixed(2)} and ${(u.adds / u.baseline).toFixed(2)} (target >= 0.50)`)
    console.log(`telegram reference: the bare handler as an Effect with one user lookup through @effect/sql-sqlite-node: ${n(u.floor)}/s, ratio ${(u.floor / u.baseline).toFixed(2)} (the most this stack allows for an update that reads its user)`)
    console.log(`telegram: per update against that reference: categories/floor ${(u.categories / u.floor).toFixed(2)} (target >= 0.50), adds/floor ${(u.adds / u.floor).toFixed(2)} (target >= 0.35)`)
    console.log(`telegram limit: that reference plus one durable commit (synchronous = FULL, as every cart change is): ${n(u.commit)}/s, commit/floor ${(u.commit / u.floor).toFixed(2)}: no update that writes can do better, so adds >= 0.35 is out of reach with durable commits; adds reach ${(u.adds / u.commit).toFixed(2)} of it`)
    const startup = await benchStartup()
    console.log(`telegram: process start to first getUpdates of compiled tokenshop start: ${startup.toFixed(2)} s (target < 2 s)`)
  }
  if (wanted("processes")) {
    const url = process.env["TEST_DATABASE_URL"]
    if (url === undefined) console.log("processes: skipped (TEST_DATABASE_URL is not set)")
    else {
      const [one = 0, two = 0, three = 0] = await benchProcesses(url, process.env["TEST_REDIS_URL"])
      console.log(`processes: "open a category list" updates through a round-robin proxy on PostgreSQL (webhook mode): 1 process ${n(one)}/s, 2 processes ${n(two)}/s (${(two / one).toFixed(2)}x), 3 processes ${n(three)}/s (${(three / one).toFixed(2)}x); on ${availableParallelism()} cores the processes share the CPUs (the database and the proxy too), so flat is expected here`)
    }
  }
  if (wanted("import")) {
    const i = await benchImport()
    console.log(`import: ${LINES.toLocaleString("en")} TXT lines into SQLite: ${i.seconds.toFixed(1)} s, peak RSS ${n(i.maxRssMb)} MB (targets < 60 s, < 300 MB)`)
    const u = await benchUpload()
    console.log(`import: the same file sent to the bot as a document by an admin (streamed from the file server, twice): ${u.seconds.toFixed(1)} s, peak RSS ${n(u.maxRssMb)} MB (the file is ${LINES.toLocaleString("en")} lines, about 80 MB)`)
  }
  if (wanted("chain")) {
    const c = await benchChain()
    const [small, large] = c.polls as [Record<string, number>, Record<string, number>]
    console.log(`chain: address derivation from an account public key: ${n(c.rate)} addresses/s`)
    console.log(`chain: first Top up of ${TOP_UPS.toLocaleString("en")} buyers (BTC: one address derived and stored each, SQLite): ${c.topUpSeconds.toFixed(1)} s (${n(TOP_UPS / c.topUpSeconds)}/s)`)
    for (const name of ["anvil", "core"]) {
      console.log(`chain: requests per poll, block source ${name === "anvil" ? "Ethereum (viem on anvil)" : "Bitcoin Core RPC (litecoind)"}, 3 new blocks: ${small[name]} with 1,000 buyers, ${large[name]} with 100,000 (must be equal)`)
    }
    for (const name of ["esplora", "trongrid", "solana"]) {
      const [a, b] = [small[name]!, large[name]!]
      console.log(`chain: requests per poll, ${name} (asked per address), 10 open windows: ${a} with 1,000 buyers, ${b} with 100,000; without the slow daily pass's share (${c.passShare[0]} and ${c.passShare[1]} addresses a poll): ${a - c.passShare[0]!} and ${b - c.passShare[1]!} (must be equal)`)
    }
  }
  if (wanted("broadcast")) {
    const b = await benchBroadcast()
    console.log(`broadcast: ${RECIPIENTS.toLocaleString("en")} recipients, stand-in limit ${LIMIT}/s with 429 past it, sender SIGKILLed at 4,000 and restarted: ${b.seconds.toFixed(0)} s in all, ${b.downtimeSeconds.toFixed(1)} s of it stopped`)
    console.log(`broadcast: achieved ${b.rate.toFixed(1)}/s while sending = ${(100 * b.rate / LIMIT).toFixed(0)} % of the limit (target >= 90 %); lost ${b.lost}, sent twice ${b.twice} (targets 0, 0; limit: a SIGKILL can leave one message in doubt, claimed and maybe sent, which is counted failed and never sent again); 429 answers ${b.tooMany}; counted failed after the kill: ${b.uncertain}`)
  }
  if (wanted("memory")) {
    const m = await benchMemory()
    console.log(`memory: browse-and-checkout loop over ${USERS.toLocaleString("en")} users and ${LINES.toLocaleString("en")} items: peak RSS ${n(m.maxRssMb)} MB (target < 200 MB)`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
