/** What the owner types or pipes in: the only way a mnemonic reaches the offline wallet commands. */
import { createInterface } from "node:readline"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

export class Stdin extends Context.Tag("@tokenshop/app/Stdin")<Stdin, {
  /** Up to `count` lines; on a terminal each is asked for on standard error with its prompt. */
  readonly lines: (prompts: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<string>>
}>() {
  static readonly live = Layer.succeed(Stdin, Stdin.of({
    lines: (prompts) =>
      Effect.async<ReadonlyArray<string>>((resume) => {
        const terminal = process.stdin.isTTY === true
        const rl = createInterface({ input: process.stdin, terminal: false })
        const out: Array<string> = []
        const ask = () => terminal && out.length < prompts.length && process.stderr.write(`${prompts[out.length]}: `)
        ask()
        rl.on("line", (line) => {
          out.push(line)
          if (out.length >= prompts.length) rl.close()
          else ask()
        })
        rl.on("close", () => resume(Effect.succeed(out)))
        return Effect.sync(() => rl.close())
      })
  }))
  /** Fixed lines, for tests. */
  static readonly fixed = (lines: ReadonlyArray<string>) => Layer.succeed(Stdin, Stdin.of({ lines: () => Effect.succeed(lines) }))
}
