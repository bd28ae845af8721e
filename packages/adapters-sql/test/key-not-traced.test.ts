/** The SQLCipher key never reaches a trace: @effect/sql records each statement's text as a span attribute. */
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { TelegramId, UserRepo } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Tracer from "effect/Tracer"
import { SqliteStorage } from "../src/index.js"
import { scratchDir } from "./support.js"

/** A tracer that keeps every span's name and attributes as text. */
const recording = () => {
  const seen: Array<string> = []
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      seen.push(name)
      const attributes = new Map<string, unknown>()
      const span: Tracer.Span = {
        _tag: "Span", name, spanId: String(seen.length), traceId: "t", parent, context, links: [...links], sampled: true, kind,
        status: { _tag: "Started", startTime }, attributes,
        attribute: (key, value) => void (attributes.set(key, value), seen.push(`${key}=${String(value)}`)),
        event: (n) => void seen.push(n),
        addLinks: () => {},
        end: () => {}
      }
      return span
    },
    context: (f) => f()
  })
  return { seen, tracer }
}

describe("the encryption key in traces", () => {
  it.live("no span name or attribute holds the key, while the statements themselves are traced", () =>
    Effect.gen(function*() {
      const key = "correct-horse-battery-staple-7"
      const file = join(yield* scratchDir, "traced.db")
      const { seen, tracer } = recording()
      const storage = SqliteStorage({ filename: file, encryptionKey: Redacted.make(key) })
      const found = yield* Effect.flatMap(UserRepo, (users) =>
        Effect.zipRight(users.upsert({ id: TelegramId.make(3), username: "x", language: null }, new Date(0)), users.find(TelegramId.make(3)))).pipe(
        Effect.provide(storage),
        Effect.withTracer(tracer)
      )
      expect(Option.isSome(found)).toBe(true)
      expect(seen.some((s) => s.includes("PRAGMA journal_mode"))).toBe(true) // the tracer does see statements
      expect(seen.filter((s) => s.includes(key))).toEqual([])
      // a wrong key fails to open, and leaves no trace of itself either
      const wrong = "not-the-key-but-secret-too"
      const other = recording()
      yield* Effect.flip(Layer.build(SqliteStorage({ filename: file, encryptionKey: Redacted.make(wrong) })).pipe(Effect.withTracer(other.tracer)))
      expect(other.seen.filter((s) => s.includes(wrong))).toEqual([])
    }).pipe(Effect.scoped))
})
