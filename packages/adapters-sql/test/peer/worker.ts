/**
 * A second shop process over the SQLite file of a property run: the racing steps given to it run on
 * its own connection, really at once with the test process's (two processes, one file, as the bot
 * and the `tokenshop` CLI are). It reads one request per line on stdin, {id, file, step, refs,
 * startAt}, runs the step on a shop over `file` (opened on first use, the previous file's shop
 * closed), and answers one line on stdout: {id, outcome}, or {id, defect} when the step died. A
 * run's end closes its file here ({id, close}, answered {id, closed}) before its directory is removed.
 * Usage: vite-node --config vitest.config.ts test/peer/worker.ts
 */
import { createInterface } from "node:readline"
import { decodeJson, type DriverServices, type Outcome, type Refs, runStep, type Step } from "@tokenshop/domain/testing/driver"
import { ShopMemory } from "@tokenshop/domain/testing/memory"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Scope from "effect/Scope"
import { SqliteStorage } from "../../src/index.js"

/** A step to run; `{open: file}` opens the shop on `file` ahead of its first step, `{id, close: file}` closes it. */
interface Request {
  readonly id: number
  readonly file: string
  readonly step: Step
  readonly refs: Refs
  /** When to start the step (epoch milliseconds): the test process starts its members at the same instant. */
  readonly startAt?: number
}

let open: { readonly file: string; readonly scope: Scope.CloseableScope; readonly shop: Promise<Context.Context<DriverServices>> } | undefined

/** The shop over `file`, opened once; a new file closes the previous one's shop. */
const shopOver = async (file: string) => {
  if (open?.file === file) return open.shop
  await closeShop()
  const scope = Effect.runSync(Scope.make())
  const shop = Effect.runPromise(Layer.buildWithScope(ShopMemory({}, { storage: SqliteStorage({ filename: file }) }), scope))
  open = { file, scope, shop }
  return shop
}

const closeShop = async () => {
  const current = open
  open = undefined
  if (current === undefined) return
  await current.shop.catch(() => {})
  await Effect.runPromise(Scope.close(current.scope, Exit.void))
}

/** Opening and closing files happen one after the other, in the order asked. */
let lifecycle: Promise<unknown> = Promise.resolve()
const inOrder = <A>(f: () => Promise<A>): Promise<A> => {
  const next = lifecycle.then(f)
  lifecycle = next.catch(() => {})
  return next
}

const answer = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`)

type Message = Request | { readonly open: string } | { readonly id: number; readonly close: string }

// Steps run at once, as the members of a group do in the test process (one connection: the client
// takes their transactions one at a time).
createInterface({ input: process.stdin }).on("line", (line) => {
  const message = decodeJson<Message>(line)
  if ("open" in message) return void inOrder(() => shopOver(message.open)).catch(() => {})
  if ("close" in message) {
    return void inOrder(() => open?.file === message.close ? closeShop() : Promise.resolve()).then(() => answer({ id: message.id, closed: true }))
  }
  const request = message
  void (async () => {
    const shop = await inOrder(() => shopOver(request.file))
    const wait = (request.startAt ?? 0) - Date.now()
    if (wait > 0) await new Promise((resume) => setTimeout(resume, wait))
    const exit = await Effect.runPromiseExit(Effect.provide(runStep(request.step, request.refs), shop))
    if (Exit.isSuccess(exit)) answer({ id: request.id, outcome: exit.value satisfies Outcome })
    else answer({ id: request.id, defect: Cause.pretty(exit.cause) })
  })().catch((e: unknown) => answer({ id: request.id, defect: String(e) }))
})
answer({ ready: true })
