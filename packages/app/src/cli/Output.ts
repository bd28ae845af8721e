import * as ConfigError from "effect/ConfigError"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

/** A failure the command line reports in one line, with the exit code to leave with. */
export class CliFailure extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message)
  }
}

/** Each problem of a configuration failure as "VARIABLE: what is wrong". */
export const configProblems = (error: ConfigError.ConfigError): ReadonlyArray<string> => {
  switch (error._op) {
    case "And":
    case "Or":
      return [...configProblems(error.left), ...configProblems(error.right)]
    case "InvalidData":
    case "MissingData":
    case "SourceUnavailable":
    case "Unsupported": {
      const path = error.path.filter((p, i) => p !== error.path[i - 1]).join(".")
      const message = error._op === "MissingData" ? "is missing" : error.message
      return [path === "" ? message : `${path}: ${message}`]
    }
  }
}

const describe = (error: unknown): { readonly message: string; readonly exitCode: number } => {
  if (error instanceof CliFailure) return { message: error.message, exitCode: error.exitCode }
  if (ConfigError.isConfigError(error)) return { message: `configuration: ${configProblems(error).join("; ")}`, exitCode: 2 }
  if (typeof error === "object" && error !== null && "_tag" in error) {
    const tagged = error as { readonly _tag: string; readonly message?: string; readonly reason?: string }
    if (tagged._tag === "ShopCurrencyChanged") return { message: tagged.message ?? "SHOP_CURRENCY does not fit the shop", exitCode: 2 }
    if (tagged._tag === "StorageUnavailable" && tagged.reason === "goods_key") {
      return { message: `${tagged.message} (set GOODS_ENCRYPTION_KEY to the key or put its key file back, GOODS_KEY_FILE; list older keys in GOODS_ENCRYPTION_KEYS_OLD while rotating)`, exitCode: 2 }
    }
    if (tagged._tag === "StorageUnavailable") return { message: tagged.message ?? "cannot open database", exitCode: 2 }
    return { message: tagged.message !== undefined && tagged.message !== "" ? tagged.message : tagged._tag, exitCode: 1 }
  }
  return { message: String(error), exitCode: 1 }
}

/** Runs a command's work: any failure becomes "error: ..." on stderr and an exit code, never a stack trace. */
export const reportFailures = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<void, never, R> =>
  self.pipe(
    Effect.asVoid,
    Effect.catchAll((error) => {
      const { exitCode, message } = describe(error)
      return Console.error(`error: ${message}`).pipe(Effect.zipRight(Effect.sync(() => {
        process.exitCode = exitCode
      })))
    }),
    Effect.catchAllDefect((defect) =>
      Console.error(`error: unexpected failure: ${defect instanceof Error ? defect.message : String(defect)}`).pipe(
        Effect.zipRight(Effect.sync(() => {
          process.exitCode = 1
        }))
      ))
  )
