import * as SqlClient from "@effect/sql/SqlClient"
import {
  crypto, money, PaymentId, type PaymentRequest, PaymentRepo, TelegramId, TooManyPendingPayments
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { amountText, big, decodeAsset, decodeCurrency, decodeStatus, int, millis, nullable, time, trusted } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { makeTransaction } from "./internal/transaction.js"

interface PaymentRow {
  readonly id: unknown
  readonly user_id: unknown
  readonly asset: string
  readonly address: string
  readonly fiat_amount: unknown
  readonly fiat_currency: string | null
  readonly crypto_units: unknown
  readonly status: string
  readonly provider: string
  readonly external_id: string | null
  readonly secret: string | null
  readonly created_at: unknown
  readonly expires_at: unknown
  readonly settled_at: unknown
}

const toPayment = (r: PaymentRow): PaymentRequest => {
  const asset = decodeAsset(r.asset)
  return {
    id: PaymentId.make(int(r.id), trusted),
    user: TelegramId.make(int(r.user_id), trusted),
    asset,
    address: r.address,
    fiatAmount: r.fiat_currency === null ? null : money(big(r.fiat_amount), decodeCurrency(r.fiat_currency)),
    cryptoAmount: nullable(r.crypto_units, (u) => crypto(big(u), asset)),
    status: decodeStatus(r.status),
    provider: r.provider,
    externalId: r.external_id,
    secret: r.secret === null ? null : Redacted.make(r.secret),
    createdAt: time(r.created_at),
    expiresAt: time(r.expires_at),
    settledAt: nullable(r.settled_at, time)
  }
}

export const SqlPaymentRepo = Layer.effect(PaymentRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const atomically = makeTransaction(sql)
  const pending = (user: TelegramId, now: Date) =>
    q<PaymentRow>`SELECT * FROM payments WHERE user_id = ${user} AND status = 'pending' AND expires_at > ${millis(now)} ORDER BY id DESC`
  const transition = (id: PaymentId, at: Date, from: ReadonlyArray<string>, to: string) =>
    q<{ id: unknown }>`UPDATE payments SET status = ${to}, settled_at = ${millis(at)}
      WHERE id = ${id} AND ${sql.in("status", from)} RETURNING id`.pipe(Effect.map((rows) => rows.length > 0), Effect.orDie)

  return PaymentRepo.of({
    create: (draft, limit) =>
      atomically(Effect.gen(function*() {
        const open = yield* pending(draft.user, draft.createdAt)
        if (open.length >= limit) return yield* new TooManyPendingPayments({ user: draft.user, limit })
        const [row] = yield* q<PaymentRow>`
          INSERT INTO payments (user_id, asset, address, fiat_amount, fiat_currency, crypto_units, status, provider, external_id,
            secret, created_at, expires_at)
          VALUES (${draft.user}, ${draft.asset}, ${draft.address},
            ${draft.fiatAmount === null ? null : amountText(draft.fiatAmount.amount)}, ${draft.fiatAmount?.currency ?? null},
            ${draft.cryptoAmount === null ? null : amountText(draft.cryptoAmount.units)}, 'pending', ${draft.provider},
            ${draft.externalId}, ${draft.secret === null ? null : Redacted.value(draft.secret)},
            ${millis(draft.createdAt)}, ${millis(draft.expiresAt)})
          RETURNING *`
        return toPayment(row!)
      }).pipe(Effect.catchTag("SqlError", Effect.die))),
    get: (id) =>
      q<PaymentRow>`SELECT * FROM payments WHERE id = ${id}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toPayment)),
        Effect.orDie
      ),
    findByExternalId: (provider, externalId) =>
      q<PaymentRow>`SELECT * FROM payments WHERE provider = ${provider} AND external_id = ${externalId}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toPayment)),
        Effect.orDie
      ),
    pending: (user, now) => pending(user, now).pipe(Effect.map((rows) => rows.map(toPayment)), Effect.orDie),
    markPaid: (id, at) => transition(id, at, ["pending", "expired"], "paid"),
    markExpired: (id, at) => transition(id, at, ["pending"], "expired"),
    expireDue: (now) =>
      q<PaymentRow>`UPDATE payments SET status = 'expired', settled_at = ${millis(now)}
        WHERE status = 'pending' AND expires_at <= ${millis(now)} RETURNING *`.pipe(
        Effect.map((rows) => rows.map(toPayment).sort((a, b) => a.id - b.id)),
        Effect.orDie
      ),
    paidSince: (since) =>
      q<PaymentRow>`SELECT * FROM payments WHERE status = 'paid' AND settled_at >= ${millis(since)} ORDER BY id`.pipe(
        Effect.map((rows) => rows.map(toPayment)),
        Effect.orDie
      )
  })
}))
