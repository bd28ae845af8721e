import * as SqlClient from "@effect/sql/SqlClient"
import { type Approval, ApprovalId, type ApprovalReason, ApprovalRepo, type ApprovalState, crypto, IdempotencyKey, money } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { amountText, big, decodeAsset, decodeCurrency, int, millis, nullable, oneOf, time, trusted } from "./internal/rows.js"
import { queries } from "./internal/run.js"
import { scopeText, toScope } from "./SqlWithdrawalRepo.js"

interface ApprovalRow {
  readonly id: unknown
  readonly idempotency_key: string
  readonly asset: string
  readonly destination: string
  readonly scope: string
  readonly previewed_total: unknown
  readonly previewed_fee: unknown
  readonly value_amount: unknown
  readonly value_currency: string | null
  readonly reason: string
  readonly requested_by: string
  readonly created_at: unknown
  readonly expires_at: unknown
  readonly state: string
  readonly decided_by: string | null
  readonly note: string | null
}

const decodeState = oneOf<ApprovalState>(["pending", "approved", "rejected", "expired", "sent", "failed"])
const decodeReason = oneOf<ApprovalReason>(["amount", "daily"])

const toApproval = (r: ApprovalRow): Approval => {
  const asset = decodeAsset(r.asset)
  return {
    id: ApprovalId.make(int(r.id), trusted),
    key: IdempotencyKey.make(r.idempotency_key),
    request: { asset, destination: r.destination, scope: toScope(r.scope) },
    previewed: { total: crypto(big(r.previewed_total), asset), networkFee: crypto(big(r.previewed_fee), asset) },
    value: r.value_currency === null ? null : money(big(r.value_amount), decodeCurrency(r.value_currency)),
    reason: decodeReason(r.reason),
    requestedBy: r.requested_by,
    createdAt: time(r.created_at),
    expiresAt: time(r.expires_at),
    state: decodeState(r.state),
    decidedBy: nullable(r.decided_by, String),
    note: nullable(r.note, String)
  }
}

export const SqlApprovalRepo = Layer.effect(ApprovalRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const byKey = (key: IdempotencyKey) =>
    q<ApprovalRow>`SELECT * FROM withdrawal_approvals WHERE idempotency_key = ${key}`.pipe(Effect.map((rows) => toApproval(rows[0]!)))
  const inState = (state: ApprovalState) =>
    q<ApprovalRow>`SELECT * FROM withdrawal_approvals WHERE state = ${state} ORDER BY id`.pipe(Effect.map((rows) => rows.map(toApproval)), Effect.orDie)
  return ApprovalRepo.of({
    create: (a) =>
      Effect.gen(function*() {
        const inserted = yield* q<ApprovalRow>`
          INSERT INTO withdrawal_approvals (idempotency_key, asset, destination, scope, previewed_total, previewed_fee, value_amount,
            value_currency, reason, requested_by, created_at, expires_at, state)
          VALUES (${a.key}, ${a.request.asset}, ${a.request.destination}, ${scopeText(a.request.scope)}, ${amountText(a.previewed.total.units)},
            ${amountText(a.previewed.networkFee.units)}, ${a.value === null ? null : amountText(a.value.amount)}, ${a.value?.currency ?? null},
            ${a.reason}, ${a.requestedBy}, ${millis(a.createdAt)}, ${millis(a.expiresAt)}, 'pending')
          ON CONFLICT (idempotency_key) DO NOTHING
          RETURNING *`
        if (inserted[0] !== undefined) return { approval: toApproval(inserted[0]), created: true }
        return { approval: yield* byKey(a.key), created: false }
      }).pipe(Effect.orDie),
    get: (id) =>
      q<ApprovalRow>`SELECT * FROM withdrawal_approvals WHERE id = ${id}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toApproval)),
        Effect.orDie
      ),
    move: (id, from, to, by, note) =>
      q<{ id: unknown }>`UPDATE withdrawal_approvals SET state = ${to}, decided_by = COALESCE(${by}, decided_by), note = ${note}
        WHERE id = ${id} AND state = ${from} RETURNING id`.pipe(Effect.map((rows) => rows.length === 1), Effect.orDie),
    pending: inState("pending"),
    approved: inState("approved")
  })
}))
