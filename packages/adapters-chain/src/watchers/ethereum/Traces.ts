/**
 * ETH sent by a contract: the internal transfers of a transaction, read from the node's callTracer
 * (`debug_traceBlockByNumber`, `debug_traceTransaction`). Every answer is checked here.
 *
 * A transaction's call frames are walked depth first, in the order they ran. The top frame's value
 * is the transaction's own (a direct payment, index 0, read from the block as before). Every inner
 * frame that moved value (a CALL with value, or a SELFDESTRUCT) is an internal transfer, numbered
 * from 1 in that order, whoever received it: the key depends on the transaction's execution only.
 * A frame that failed undid its value and everything below it: none of them counts, nor does anything
 * of a transaction whose top frame failed.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

const Hex = Schema.String.pipe(Schema.pattern(/^0x[0-9a-fA-F]*$/))

export interface CallFrame {
  readonly type: string
  readonly to?: string | undefined
  readonly value?: string | undefined
  readonly error?: string | undefined
  readonly calls?: ReadonlyArray<CallFrame> | undefined
}

export const CallFrame: Schema.Schema<CallFrame> = Schema.Struct({
  type: Schema.String,
  to: Schema.optional(Hex),
  value: Schema.optional(Hex),
  error: Schema.optional(Schema.String),
  calls: Schema.optional(Schema.Array(Schema.suspend((): Schema.Schema<CallFrame> => CallFrame)))
})

export const BlockTraces = Schema.Array(Schema.Struct({ txHash: Hex, result: CallFrame }))

/** An internal transfer: its number within the transaction (from 1), recipient and wei. */
export interface InternalTransfer {
  readonly index: number
  readonly to: string
  readonly wei: bigint
}

/** The internal transfers of one transaction's trace, numbered as above. */
export const internalTransfers = (top: CallFrame): ReadonlyArray<InternalTransfer> => {
  const out: Array<InternalTransfer> = []
  if (top.error !== undefined) return out
  let n = 0
  const walk = (frame: CallFrame) => {
    for (const inner of frame.calls ?? []) {
      if (inner.error !== undefined) continue
      const wei = inner.value === undefined || inner.value === "0x" ? 0n : BigInt(inner.value)
      const moves = inner.type === "CALL" || inner.type === "SELFDESTRUCT"
      if (moves && wei > 0n && inner.to !== undefined) out.push({ index: ++n, to: inner.to, wei })
      walk(inner)
    }
  }
  walk(top)
  return out
}

/** Decodes a node's answer, or says what is wrong with it. */
export const decodeTrace = <A, I>(schema: Schema.Schema<A, I>, answer: unknown): Either.Either<A, string> =>
  Either.mapLeft(Schema.decodeUnknownEither(schema)(answer), (e) => ParseResult.TreeFormatter.formatErrorSync(e).slice(0, 300))
