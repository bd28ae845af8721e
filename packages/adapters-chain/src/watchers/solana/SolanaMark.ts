/**
 * How far a Solana address's history was read, as stored in its mark. Whole: the newest signature
 * at or below which every transaction is read and final (nothing about it can change any more).
 * In pieces (a read cut short by its budget), JSON: the signatures are read newest first, so the
 * next poll goes on below `before` (the oldest read) down to `until` (the mark the read began from,
 * null for an address never read); `run` is the newest signature at or below which every one read
 * so far is final (null when the oldest read is not), and `read` how many were read so far.
 */
import { isSignature } from "@solana/kit"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

export interface SolanaPlace {
  readonly until: string | null
  /** Absent: the read starts at the newest signature. */
  readonly before?: string | undefined
  readonly run: string | null
  readonly read: number
}

const Piece = Schema.parseJson(Schema.Struct({
  until: Schema.NullOr(Schema.String),
  before: Schema.String,
  run: Schema.NullOr(Schema.String),
  read: Schema.Int.pipe(Schema.nonNegative())
}))

/** Where the next read starts; null when the mark is neither form. */
export const readMark = (mark: string | null): SolanaPlace | null => {
  if (mark === null) return { until: null, run: null, read: 0 }
  if (isSignature(mark)) return { until: mark, run: null, read: 0 }
  const piece = Schema.decodeEither(Piece)(mark)
  if (Either.isLeft(piece)) return null
  const { before, read, run, until } = piece.right
  const ok = (s: string | null) => s === null || isSignature(s)
  return ok(until) && ok(run) && isSignature(before) ? { until, before, run, read } : null
}

/** The mark of a read cut short at `place` (which has a `before`). */
export const pieceMark = (place: SolanaPlace & { readonly before: string }): string =>
  Schema.encodeSync(Piece)({ until: place.until, before: place.before, run: place.run, read: place.read })
