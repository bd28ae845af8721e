/**
 * How far an Esplora address's history was read, as stored in its mark. Whole: a block height at or
 * below which everything was read and settled. In pieces (a read cut short by its budget), JSON: the
 * read began at the tip `top` and goes on below the confirmed transaction `after` (Esplora's
 * `/txs/chain/:after`) down to `floor` (the height the read began from, null for an address never
 * read); once there, the mark is `top` less the settled depth.
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

export interface EsploraPiece {
  readonly floor: number | null
  readonly top: number
  readonly after: string
}

const Height = Schema.Int.pipe(Schema.nonNegative())
const Piece = Schema.parseJson(Schema.Struct({ floor: Schema.NullOr(Height), top: Height, after: Schema.String.pipe(Schema.pattern(/^[0-9a-fA-F]{64}$/)) }))

/** The height read down to and, for a read in pieces, where it goes on; a mark of neither form reads everything again. */
export const readMark = (mark: string | null): { readonly floor: number | null; readonly piece: EsploraPiece | null } => {
  if (mark !== null && /^\d{1,15}$/.test(mark)) return { floor: Number(mark), piece: null }
  const piece = mark === null ? Either.left(null) : Schema.decodeEither(Piece)(mark)
  return Either.isRight(piece) ? { floor: piece.right.floor, piece: piece.right } : { floor: null, piece: null }
}

export const pieceMark = (piece: EsploraPiece): string => Schema.encodeSync(Piece)(piece)
