/**
 * The sending side of the broadcast benchmark, in its own process (so that it can be killed):
 * the shop's announcement workflow over SQLite, sending to the Bot API stand-in at API_ROOT.
 * With `announce N`, it first registers N buyers and announces to them; it prints "done" once the
 * announcement has ended. Usage: node broadcast-child.js DATABASE_FILE API_ROOT [announce N]
 */
import { SqliteStorage } from "@tokenshop/adapters-sql"
import { AnnouncementId, Announcements, TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import { announcingShop } from "../src/Announcing.js"

const [file, apiRoot, mode, count] = process.argv.slice(2)
const operator = { kind: "operator", name: "bench" } as const

const shop = ManagedRuntime.make(announcingShop({ token: Redacted.make("1:bench"), apiRoot: apiRoot!, shopName: "Bench" }, SqliteStorage({ filename: file! }), []))

const main = async () => {
  if (mode === "announce") {
    await shop.runPromise(Effect.flatMap(UserRepo, (users) =>
      Effect.forEach(Array.from({ length: Number(count) }, (_, i) => i + 1), (id) =>
        users.upsert({ id: TelegramId.make(id), username: null, language: "en" }, new Date(0)), { discard: true })))
    await shop.runPromise(Effect.flatMap(Announcements, (a) => a.announce(operator, "broadcast", { text: "Restocked: new keys in Games / Steam", photo: null })))
    console.log("announced")
  }
  for (;;) {
    const a = await shop.runPromise(Effect.flatMap(Announcements, (x) => x.get(operator, AnnouncementId.make(1))))
    if (a.status !== "running") {
      console.log(`done ${JSON.stringify({ sent: a.sent, failed: a.failed, blocked: a.blocked, total: a.total })}`)
      break
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await shop.dispose()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
