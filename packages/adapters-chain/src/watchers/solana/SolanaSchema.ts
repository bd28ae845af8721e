/**
 * The parts of Solana's RPC answers the deposit watcher reads, as kit hands them over (u64 values as
 * bigint, a few small fields as number), checked with Effect Schema; and the System Program transfers
 * found in a jsonParsed transaction. Shapes: solana.com/docs/rpc/http (getSignaturesForAddress,
 * getTransaction, getSignatureStatuses, getSlot) and agave's transaction-status parse_system.rs.
 */
import { isSignature } from "@solana/kit"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

export const SYSTEM_PROGRAM = "11111111111111111111111111111111"

/** A slot: a u64 that fits a safe integer (today's slots are near 4 × 10^8). */
export const Slot = Schema.transform(
  Schema.BigIntFromSelf.pipe(Schema.filter((n) => n >= 0n && n <= BigInt(Number.MAX_SAFE_INTEGER), { message: () => "not a slot" })),
  Schema.Number,
  { strict: true, decode: (n) => Number(n), encode: (n) => BigInt(n) }
)

/** Lamports: a u64, exact. */
export const Lamports = Schema.BigIntFromSelf.pipe(Schema.filter((n) => n >= 0n && n < 2n ** 64n, { message: () => "not a u64 amount" }))

export const Commitment = Schema.Literal("processed", "confirmed", "finalized")
export type Commitment = typeof Commitment.Type

const Sig = Schema.String.pipe(Schema.filter((s) => isSignature(s), { message: () => "not a transaction signature" }))

export const SignatureInfo = Schema.Struct({
  signature: Sig,
  slot: Slot,
  /** null when the transaction succeeded. */
  err: Schema.Unknown,
  confirmationStatus: Schema.optional(Schema.NullOr(Commitment))
})
export type SignatureInfo = typeof SignatureInfo.Type

export const SignatureStatus = Schema.Struct({
  slot: Slot,
  /** Blocks confirmed on top of it; null once rooted (finalized). */
  confirmations: Schema.NullOr(Slot),
  err: Schema.Unknown,
  confirmationStatus: Schema.optional(Schema.NullOr(Commitment))
})
export type SignatureStatus = typeof SignatureStatus.Type

/** A jsonParsed instruction: `parsed` for the programs the node can read, else raw accounts and data. */
const Instruction = Schema.Struct({ programId: Schema.String, parsed: Schema.optional(Schema.Unknown) })

export const TransactionJsonParsed = Schema.Struct({
  slot: Slot,
  meta: Schema.NullOr(Schema.Struct({
    err: Schema.Unknown,
    innerInstructions: Schema.optional(Schema.NullOr(Schema.Array(Schema.Struct({
      /** The top-level instruction that made these calls. */
      index: Schema.Int.pipe(Schema.nonNegative()),
      instructions: Schema.Array(Instruction)
    }))))
  })),
  transaction: Schema.Struct({ message: Schema.Struct({ instructions: Schema.Array(Instruction) }) })
})
export type TransactionJsonParsed = typeof TransactionJsonParsed.Type

/** `transfer` is {source, destination, lamports}; `transferWithSeed` adds sourceBase, sourceSeed, sourceOwner. */
const TransferInfo = Schema.Struct({ destination: Schema.String, lamports: Lamports })
const isTransfer = (parsed: unknown): boolean =>
  typeof parsed === "object" && parsed !== null && "type" in parsed && (parsed.type === "transfer" || parsed.type === "transferWithSeed")

export interface SystemTransfer {
  /** Top-level instruction i: i; the j-th inner instruction of top-level i: (i + 1) * 1000 + j. */
  readonly index: number
  readonly destination: string
  readonly lamports: bigint
}

/** Every System Program transfer in the transaction, top-level and inner; Left: why one cannot be read. */
export const systemTransfers = (tx: TransactionJsonParsed): Either.Either<ReadonlyArray<SystemTransfer>, string> => {
  const out: Array<SystemTransfer> = []
  const read = (ix: typeof Instruction.Type, index: number): string | null => {
    if (ix.programId !== SYSTEM_PROGRAM || !isTransfer(ix.parsed)) return null
    const info = Schema.decodeUnknownEither(TransferInfo)((ix.parsed as { readonly info?: unknown }).info)
    if (Either.isLeft(info)) return `instruction ${index}: ${ParseResult.TreeFormatter.formatErrorSync(info.left).slice(0, 200)}`
    out.push({ index, destination: info.right.destination, lamports: info.right.lamports })
    return null
  }
  for (const [i, ix] of tx.transaction.message.instructions.entries()) {
    const problem = read(ix, i)
    if (problem !== null) return Either.left(problem)
  }
  const groups = new Set<number>()
  for (const group of tx.meta?.innerInstructions ?? []) {
    if (group.index >= tx.transaction.message.instructions.length) return Either.left(`inner instructions of a missing instruction ${group.index}`)
    if (groups.has(group.index)) return Either.left(`instruction ${group.index} has two lists of inner instructions`)
    groups.add(group.index)
    if (group.instructions.length >= 1000) return Either.left(`instruction ${group.index} made too many inner instructions`)
    for (const [j, ix] of group.instructions.entries()) {
      const problem = read(ix, (group.index + 1) * 1000 + j)
      if (problem !== null) return Either.left(problem)
    }
  }
  return Either.right(out)
}
