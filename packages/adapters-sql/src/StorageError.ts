import * as Data from "effect/Data"

/** The database cannot be used: unreachable, a wrong SQLCipher key, a failed migration, or goods under a key not given. */
export class StorageUnavailable extends Data.TaggedError("StorageUnavailable")<{
  readonly reason: "wrong_key" | "unreachable" | "migration_failed" | "goods_key"
  readonly message: string
  readonly cause?: unknown
}> {}
