/**
 * `tokenshop deposit credit-tx HASH`: credits an Ethereum transaction by its hash (ChainCredits), for
 * ETH a contract sent to a buyer's address, which the watchers do not see by themselves. The
 * transaction is read from the shop's node, never taken from the command line: what it pays to
 * buyers' addresses is credited once, under the watchers' confirmations, minimum and price, however
 * often the command runs. One line per payment recorded; a refusal is an error (exit code 1).
 */
import { type ChainDeposit, ChainCredits, ChainDeposits, crypto, formatCrypto, operator } from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { CliFailure } from "./Output.js"

const cli = operator("cli")

/** Where one payment stands, in the words the bot uses. */
const standing = (chain: ChainDeposits["Type"], d: ChainDeposit): string => {
  const required = chain.required(d.asset)
  switch (d.status) {
    case "credited": return "credited"
    case "pending": return required === "final" ? "pending, waiting until final" : `pending, ${d.confirmations} of ${required} confirmations`
    case "waiting_price": return "confirmed, credited as soon as a price is available"
    case "below_minimum": return `below the minimum of ${formatCrypto(crypto(chain.minimum(d.asset), d.asset))}, not credited`
    case "held": return "held: the transaction left the chain"
    case "vanished": return "no longer in the network"
  }
}

export const depositCreditTx = (hash: string) =>
  Effect.gen(function*() {
    const chain = yield* ChainDeposits
    const tx = yield* (yield* ChainCredits).creditTransaction(cli, "ethereum", hash).pipe(
      Effect.catchTag("TransactionNotCredited", (e) =>
        Effect.fail(new CliFailure(e.reason === "unavailable" ? `${e.message}: no Ethereum node is configured (ETH_XPUB, ETH_RPC_URL)` : e.message)))
    )
    for (const d of tx.deposits) {
      yield* Console.log(`${formatCrypto(crypto(d.units, d.asset))} to user ${d.user} (${tx.txid}:${d.index}): ${standing(chain, d)}`)
    }
    if (!tx.traced) yield* Console.log("note: the node could not trace this transaction, so only its direct value was checked")
  })
