/** What crediting a transaction by its hash shows the admin: the question, each payment recorded, or why nothing was. Pure. */
import { type ChainDeposit, type CreditedTransaction, crypto, formatCrypto, type ServiceUnavailable, type TransactionNotCredited } from "@tokenshop/domain"
import { txLink } from "../../Assets.js"
import { button, notice, question, type Screen, type Speaker } from "../../Screens.js"

const back = { _tag: "AdminDeposits", page: 0 } as const

/** Asks for the hash, with Cancel. */
export const askHash = (s: Speaker): Screen => question(s, "admin-credit-ask")

/** Each payment the transaction makes to a buyer, as recorded now; `describe` says where it stands (credited, n of m, below the minimum). */
export const credited = (s: Speaker, tx: CreditedTransaction, describe: (d: ChainDeposit) => string): Screen => ({
  text: [
    // The link is HTML already (txLink escapes the hash), so it goes in unescaped.
    s.t("admin-credit-done", { link: txLink(tx.deposits[0]?.asset ?? "ETH", tx.txid) }),
    ...tx.deposits.map((d) =>
      s.html("admin-credit-payment", { amount: formatCrypto(crypto(d.units, d.asset)), user: String(d.user), state: describe(d) })),
    ...(tx.traced ? [] : [`\n${s.html("admin-credit-untraced")}`])
  ].join("\n"),
  keyboard: [[button(s.t("button-back"), back)]]
})

const reasonKeys = {
  unavailable: "admin-credit-unavailable",
  malformed: "admin-credit-malformed",
  "not-found": "admin-credit-not-found",
  "no-payment": "admin-credit-no-payment"
} as const

/** Why nothing was recorded, in plain words. */
export const refused = (s: Speaker, e: TransactionNotCredited | ServiceUnavailable): Screen =>
  e._tag === "ServiceUnavailable"
    ? notice(s, "admin-credit-failed", { reason: e.detail.slice(0, 200) }, back)
    : notice(s, reasonKeys[e.reason], { txid: e.txid }, back)

/** A hash that is not one, typed as the answer: the question stays open. */
export const askAgain = (s: Speaker): Screen => question(s, "admin-credit-malformed-again")
