/**
 * What the command line writes, made plain: help without colour codes when standard output is not a
 * terminal, its usage line spelled as typed (`tokenshop user credit ...`, `tokenshop <command>`), and
 * every complaint of the command-line parser on one line starting `error:`, like the commands' own.
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

const ansi = /\u001b\[[0-9;]*m/g
export const plain = (text: string) => text.replace(ansi, "")

const text = (args: ReadonlyArray<unknown>) => args.map((a) => typeof a === "string" ? a : String(a)).join(" ")

/** The command words typed before the first option or argument that is not a command name. */
export const commandPath = (argv: ReadonlyArray<string>): ReadonlyArray<string> => {
  const words: Array<string> = []
  for (const word of argv) {
    if (!/^[a-z][a-z0-9-]*$/.test(word)) break
    words.push(word)
  }
  return words
}

/**
 * The usage line `$ credit --reason text ...` as `$ tokenshop user credit --reason text ...`, and a
 * group's bare `$ user` as `$ tokenshop user <command>`.
 */
export const usageLine = (help: string, path: ReadonlyArray<string>): string => {
  const group = /^COMMANDS$/m.test(plain(help))
  return help.replace(/^\$ ([a-z][a-z0-9-]*)(.*)$/m, (_line, name: string, rest: string) => {
    const at = path.lastIndexOf(name)
    const words = name === "tokenshop" || at < 0 ? ["tokenshop"] : ["tokenshop", ...path.slice(0, at + 1)]
    return `$ ${words.join(" ")}${rest}${group && rest.trim() === "" ? " <command>" : ""}`
  })
}

/** A parser message (a help document, possibly several paragraphs) as one `error:` line. */
export const errorLine = (message: string, path: ReadonlyArray<string>): string => {
  const flat = plain(message).split(/\s*\n\s*/).filter((l) => l !== "").join(" ").trim()
  const known = /^Invalid subcommand/.test(flat) ? path.slice(0, -1) : path // the last word is the unknown one
  const help = ["tokenshop", ...known].join(" ")
  return `error: ${flat} (see ${help} --help)`
}

/** The console the command line runs with, for the words it was given. */
export const cliConsole = (argv: ReadonlyArray<string>): Effect.Effect<Console.Console> =>
  Effect.map(Effect.console, (base): Console.Console => {
    const path = commandPath(argv)
    const tty = process.stdout.isTTY === true
    return {
      ...base,
      log: (...args) => {
        const shown = args.length === 1 && typeof args[0] === "string" && /^USAGE$/m.test(plain(args[0])) ? usageLine(args[0], path) : null
        if (shown === null) return tty ? base.log(...args) : base.log(...args.map((a) => typeof a === "string" ? plain(a) : a))
        return base.log(tty ? shown : plain(shown))
      },
      error: (...args) => {
        const message = text(args)
        return base.error(message.startsWith("error:") ? message : errorLine(message, path))
      }
    }
  })
