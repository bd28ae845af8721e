import * as SqlClient from "@effect/sql/SqlClient"
import { type CountedClaim, crypto, IdempotencyKey, money, type Withdrawal, WithdrawalId, WithdrawalRepo, type WithdrawalScope } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { amountText, big, decodeAsset, decodeCurrency, int, millis, paged, time, trusted, TOTAL, type WithTotal } from "./internal/rows.js"
import { queries } from "./internal/run.js"

interface WithdrawalRow {
  readonly id: unknown
  readonly idempotency_key: string
  readonly asset: string
  readonly destination: string
  readonly scope: string
  readonly total: unknown
  readonly network_fee: unknown
  readonly service_fee: unknown
  readonly receiving: unknown
  readonly tx_ids: string
  readonly admin: string
  readonly created_at: unknown
}

interface ClaimRow {
  readonly idempotency_key: string
  readonly created_at: unknown
  readonly value_amount: unknown
  readonly value_currency: string | null
}

const toCounted = (r: ClaimRow): CountedClaim => ({
  key: IdempotencyKey.make(r.idempotency_key),
  at: time(r.created_at),
  value: r.value_currency === null ? null : money(big(r.value_amount), decodeCurrency(r.value_currency))
})

const TxIds = Schema.parseJson(Schema.Array(Schema.String))
const decodeTxIds = Schema.decodeUnknownSync(TxIds)
export const scopeText = (s: WithdrawalScope) => (s.kind === "all" ? "all" : `single:${s.payment}`)
export const toScope = (text: string): WithdrawalScope =>
  text.startsWith("single:") ? { kind: "single", payment: text.slice("single:".length) } : { kind: "all" }

const toWithdrawal = (r: WithdrawalRow): Withdrawal => {
  const asset = decodeAsset(r.asset)
  return {
    id: WithdrawalId.make(int(r.id), trusted),
    key: IdempotencyKey.make(r.idempotency_key),
    asset,
    destination: r.destination,
    scope: toScope(r.scope),
    total: crypto(big(r.total), asset),
    networkFee: crypto(big(r.network_fee), asset),
    serviceFee: crypto(big(r.service_fee), asset),
    receiving: crypto(big(r.receiving), asset),
    txIds: decodeTxIds(r.tx_ids),
    admin: r.admin,
    createdAt: time(r.created_at)
  }
}

export const SqlWithdrawalRepo = Layer.effect(WithdrawalRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const byKey = (key: IdempotencyKey) =>
    q<WithdrawalRow>`SELECT * FROM withdrawals WHERE idempotency_key = ${key}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toWithdrawal))
    )
  return WithdrawalRepo.of({
    record: (w) =>
      Effect.gen(function*() {
        const inserted = yield* q<WithdrawalRow>`
          INSERT INTO withdrawals (idempotency_key, asset, destination, scope, total, network_fee, service_fee, receiving, tx_ids,
            admin, created_at)
          VALUES (${w.key}, ${w.asset}, ${w.destination}, ${scopeText(w.scope)}, ${amountText(w.total.units)},
            ${amountText(w.networkFee.units)}, ${amountText(w.serviceFee.units)}, ${amountText(w.receiving.units)},
            ${JSON.stringify(w.txIds)}, ${w.admin}, ${millis(w.createdAt)})
          ON CONFLICT (idempotency_key) DO NOTHING
          RETURNING *`
        if (inserted[0] !== undefined) return { withdrawal: toWithdrawal(inserted[0]), created: true }
        return { withdrawal: Option.getOrThrow(yield* byKey(w.key)), created: false }
      }).pipe(Effect.orDie),
    findByKey: (key) => Effect.orDie(byKey(key)),
    claim: (key, at, share) =>
      q<{ idempotency_key: string }>`INSERT INTO withdrawal_claims (idempotency_key, created_at, counted, value_amount, value_currency)
        VALUES (${key}, ${millis(at)}, ${share === undefined ? 0 : 1}, ${share?.value == null ? null : amountText(share.value.amount)},
          ${share?.value?.currency ?? null})
        ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`.pipe(Effect.map((rows) => rows.length === 1), Effect.orDie),
    release: (key) => q`DELETE FROM withdrawal_claims WHERE idempotency_key = ${key}`.pipe(Effect.asVoid, Effect.orDie),
    countedAfter: (after) =>
      q<ClaimRow>`SELECT idempotency_key, created_at, value_amount, value_currency FROM withdrawal_claims
        WHERE counted = 1 AND created_at > ${millis(after)} ORDER BY created_at, idempotency_key`.pipe(
        Effect.map((rows) => rows.map(toCounted)),
        Effect.orDie
      ),
    list: (page) =>
      paged(
        page,
        q<WithTotal<WithdrawalRow>>`SELECT *, ${sql.literal(TOTAL)} FROM withdrawals ORDER BY id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        q<{ n: unknown }>`SELECT COUNT(*) AS n FROM withdrawals`,
        toWithdrawal
      ).pipe(Effect.orDie)
  })
}))
