import * as Data from "effect/Data"

/**
 * A copy that wrote nothing: the target holds a shop already (`not_empty`), a database holds tables
 * this version does not know (`unknown_tables`), the copy did not match its source (`mismatch`), or
 * a statement failed (`failed`); the last two are rolled back. `message` says which, for a person.
 */
export class CopyFailed extends Data.TaggedError("CopyFailed")<{
  readonly reason: "not_empty" | "unknown_tables" | "mismatch" | "failed"
  readonly message: string
}> {}
