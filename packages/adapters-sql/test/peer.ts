/**
 * A second shop process for the SQLite property runs (see peer/worker.ts): `lane(file)` runs steps on
 * its own connection to `file`, really at once with this process's, which a second connection in this
 * process cannot do (SQLite waits for its write lock synchronously, so two connections in one process
 * stall each other until the busy timeout).
 */
import { type ChildProcess, spawn } from "node:child_process"
import { join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { encodeJson, type Outcome, type ShopLane } from "@tokenshop/domain/testing"
import * as Effect from "effect/Effect"

type Answer = { readonly outcome: Outcome } | { readonly defect: string } | { readonly closed: true }

export const sqlitePeer = () => {
  const root = resolve(import.meta.dirname, "..")
  const pending = new Map<number, (answer: Answer) => void>()
  let next = 0
  let started: { readonly child: ChildProcess; readonly ready: Promise<void> } | undefined

  const start = () => {
    const child = spawn(join(root, "../../node_modules/.bin/vite-node"), ["--config", "vitest.config.ts", "test/peer/worker.ts"], {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"]
    })
    let isReady: () => void = () => {}
    const ready = new Promise<void>((done) => (isReady = done))
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith("{")) return // vite-node's own output, if any
      const message = JSON.parse(line) as { readonly id?: number; readonly ready?: boolean } & Partial<Answer>
      if (message.ready === true) return isReady()
      const resume = pending.get(message.id!)
      pending.delete(message.id!)
      resume?.(message as Answer)
    })
    child.on("exit", (code) => {
      for (const resume of pending.values()) resume({ defect: `the peer process exited (${code})` })
      pending.clear()
      started = undefined
    })
    return { child, ready }
  }

  const send = (request: Record<string, unknown>) => {
    started ??= start()
    const { child, ready } = started
    void ready.then(() => child.stdin!.write(`${encodeJson(request)}\n`))
  }

  return {
    /** Opens the shop on `file` in the peer process ahead of its first step (the file must exist and be migrated). */
    open: (file: string) => send({ open: file }),
    /** Closes the shop on `file` in the peer process, and waits until it has (before the file is removed). */
    release: (file: string) =>
      Effect.async<void>((resume) => {
        const id = ++next
        pending.set(id, () => resume(Effect.void))
        send({ id, close: file })
      }),
    /** A lane over the shop on `file` in the peer process, started on first use. */
    lane: (file: string): ShopLane => ({
      run: (step, refs, startAt) =>
        Effect.async<Outcome>((resume) => {
          const id = ++next
          pending.set(id, (answer) =>
            resume("outcome" in answer ? Effect.succeed(answer.outcome) : Effect.dieMessage(`in the peer process: ${"defect" in answer ? answer.defect : "no outcome"}`)))
          send({ id, file, step, refs, startAt })
        })
    }),
    close: () => started?.child.kill()
  }
}
