/**
 * `tokenshop audit verify [--head SEQ:HASH]`: seals what is pending, then checks the money log's chain,
 * every stored balance against its ledger entries and every purchase total against its items and its
 * charge, and, with `--head`, that the chain still holds a head noted earlier. Prints the head as
 * `SEQ:HASH`, how the chain is keyed, and every problem by record; any problem is exit code 1.
 */
import { type AuditReport, Audits, type Balance, formatHead, formatMoney, operator, parseHead, tampered } from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { CliFailure } from "./Output.js"

const SHOWN = 50
const totals = (b: Balance) => `${formatMoney(b.available)} (top-up ${formatMoney(b.topUp)}, consumed ${formatMoney(b.consumed)})`

/** How far the chain can be trusted against someone who can write the database. */
const keyingLines = (r: AuditReport): Array<string> => {
  const { from, key, unchecked } = r.keying
  const lines: Array<string> = []
  if (!key) {
    lines.push("not keyed: no goods key is given, so an edit by someone who can write the database, with the chain recomputed, cannot be detected here;")
    lines.push("  compare the head with one noted earlier (--head) or sent to the admins")
  } else if (from === null && r.sealed > 0) {
    lines.push("no record is keyed yet although the goods key is given: if the shop has sealed with this key before, the chain was rewritten;")
    lines.push("  compare the head with one noted earlier (--head) or sent to the admins")
  } else if (from !== null) {
    lines.push(from === 1 ? "keyed with the goods key from the first record" : `keyed with the goods key from record #${from}; the ${from - 1} before it were sealed before the key existed`)
  }
  if (unchecked > 0) lines.push(`${unchecked} keyed record(s) cannot be checked without the goods key they were sealed with`)
  if (r.unsealed > 0) lines.push(`${r.unsealed} record(s) not sealed yet${key || from === null ? "" : " (the chain is keyed: they wait for the goods key)"}`)
  return lines
}

const problemLines = (r: AuditReport): Array<string> => [
  ...r.problems.map((p) => `  #${p.seq}${p.record === "" ? "" : ` ${p.record}`}: ${p.problem}`),
  ...r.balances.map((b) => `  balance of user ${b.user}: stored ${totals(b.stored)}, its ledger entries add up to ${totals(b.entries)}`),
  ...r.purchases.map((p) =>
    `  purchase #${p.buy} of user ${p.user}: total ${formatMoney(p.total)}, its items cost ${formatMoney(p.items)}${
      p.charged === null ? "" : `, its ledger entry charged ${formatMoney(p.charged)}`
    }`)
]

const notedLine = (r: AuditReport): Array<string> => {
  if (r.noted === undefined) return []
  const noted = formatHead(r.noted.head)
  switch (r.noted.found) {
    case "same": return [`noted head ${noted}: still in the chain`]
    case "rewritten": return [`noted head ${noted}: no longer in the chain: the log was rewritten at or before record #${r.noted.head.seq}`]
    case "beyond the head": return [`noted head ${noted}: beyond the chain's head: records after #${r.sealed} were removed`]
  }
}

export const auditVerify = (head: Option.Option<string>) =>
  Effect.gen(function*() {
    const noted = Option.map(head, (text) => ({ text, head: parseHead(text) }))
    if (Option.isSome(noted) && noted.value.head === null) {
      return yield* Effect.fail(new CliFailure(`--head "${noted.value.text}" is not SEQ:HASH as audit verify prints it`, 2))
    }
    const report = yield* (yield* Audits).verify(operator("cli"), Option.getOrUndefined(noted)?.head ?? undefined)
    const top = report.head === null ? "(empty)" : formatHead({ seq: report.sealed, hash: report.head })
    yield* Console.log(`money log: ${report.sealed} record(s) chained, head ${top}`)
    for (const line of keyingLines(report)) yield* Console.log(line)
    for (const line of notedLine(report)) yield* Console.log(line)
    const problems = tampered(report)
    if (problems === 0) {
      yield* Console.log("every record is intact; every balance adds up to its ledger entries; every purchase total to its items")
      return
    }
    const lines = problemLines(report)
    for (const line of lines.slice(0, SHOWN)) yield* Console.log(line)
    if (lines.length > SHOWN) yield* Console.log(`  and ${lines.length - SHOWN} more`)
    if (report.problems.some((p) => p.problem === "unknown key")) {
      yield* Console.log("(unknown key: sealed under a goods key that is not given; list retired goods keys in GOODS_ENCRYPTION_KEYS_OLD to check them)")
    }
    return yield* Effect.fail(new CliFailure(`the money log was tampered with: ${problems} problem(s)`))
  })
