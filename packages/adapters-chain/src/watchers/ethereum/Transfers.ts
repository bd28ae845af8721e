/**
 * ERC-20 Transfer events as payments, keyed the same however their transaction is mined.
 *
 * A log's `logIndex` is its position in the BLOCK: a reorganisation that mines the same signed
 * transaction again behind another one moves its logs, and a payment keyed by it would be a second
 * payment. The key here is the Transfer's ordinal among its transaction's Transfer events of the same
 * contract (0 for the first), which only the transaction's own execution decides. The scan (logs by
 * getLogs) and `locate` (logs of the receipt) number them the same way: removed logs and logs that
 * are not an ERC-20 Transfer (an NFT's, with four topics) are left out before counting.
 */
import { type Hash, type Log, parseAbiItem, parseEventLogs } from "viem"

export const transferEvent = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)")
/** A decoded Transfer log as getLogs returns it with `strict: true`. */
export type TransferLog = Log<bigint, number, false, typeof transferEvent, true>

/** A token amount in `from` decimals as base units of `to` decimals: multiplied, or floored when finer. */
export const scaleUnits = (value: bigint, from: number, to: number): bigint =>
  from === to ? value : from > to ? value / 10n ** BigInt(from - to) : value * 10n ** BigInt(to - from)

/** A Transfer with its ordinal within its transaction and contract. */
export interface NumberedTransfer {
  readonly log: TransferLog
  /** The contract, lower case. */
  readonly contract: string
  readonly ordinal: number
}

/** Numbers the Transfer logs (of any number of transactions and contracts) as the key above says. */
export const numberTransfers = (logs: ReadonlyArray<TransferLog>): ReadonlyArray<NumberedTransfer> => {
  const live = logs.filter((l) => !l.removed).sort((a, b) => a.logIndex - b.logIndex)
  const seen = new Map<string, number>()
  return live.map((log) => {
    const contract = log.address.toLowerCase()
    const group = `${log.transactionHash.toLowerCase()}:${contract}`
    const ordinal = seen.get(group) ?? 0
    seen.set(group, ordinal + 1)
    return { log, contract, ordinal }
  })
}

/** The Transfer events among a receipt's logs (anything else left out), numbered as the scan numbers them. */
export const receiptTransfers = (hash: Hash, logs: ReadonlyArray<Log>): ReadonlyArray<NumberedTransfer> =>
  numberTransfers(
    parseEventLogs({ abi: [transferEvent], logs: [...logs], strict: true })
      .filter((l) => l.transactionHash?.toLowerCase() === hash.toLowerCase()) as unknown as ReadonlyArray<TransferLog>
  )
