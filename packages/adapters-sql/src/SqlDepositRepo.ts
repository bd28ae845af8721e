import * as SqlClient from "@effect/sql/SqlClient"
import {
  type Asset, crypto, type Deposit, DepositId, DepositRepo, type DepositSource, money, PaymentId, sourceKey, TelegramId
} from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { amountText, big, decimal, decimalText, decodeAsset, decodeCurrency, int, millis, nullable, paged, time, trusted, TOTAL, type WithTotal } from "./internal/rows.js"
import { queries } from "./internal/run.js"

interface DepositRow {
  readonly id: unknown
  readonly user_id: unknown
  readonly payment_id: unknown
  readonly source_kind: string
  readonly asset: string
  readonly txid: string | null
  readonly output_index: unknown
  readonly provider: string | null
  readonly external_id: string | null
  readonly units: unknown
  readonly fiat: unknown
  readonly currency: string
  readonly rate: string
  readonly created_at: unknown
}

const toDeposit = (r: DepositRow): Deposit => {
  const asset = decodeAsset(r.asset)
  const source: DepositSource = r.source_kind === "chain"
    ? { kind: "chain", asset, txid: r.txid ?? "", index: int(r.output_index) }
    : { kind: "processor", provider: r.provider ?? "", externalId: r.external_id ?? "" }
  return {
    id: DepositId.make(int(r.id), trusted),
    user: TelegramId.make(int(r.user_id), trusted),
    paymentId: nullable(r.payment_id, (v) => PaymentId.make(int(v), trusted)),
    source,
    amount: crypto(big(r.units), asset),
    fiat: money(big(r.fiat), decodeCurrency(r.currency)),
    rate: decimal(r.rate),
    createdAt: time(r.created_at)
  }
}

export const SqlDepositRepo = Layer.effect(DepositRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const bySource = (key: string) =>
    q<DepositRow>`SELECT * FROM deposits WHERE source_key = ${key}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toDeposit))
    )

  return DepositRepo.of({
    record: (d) =>
      Effect.gen(function*() {
        const key = sourceKey(d.source)
        const chain = d.source.kind === "chain" ? d.source : null
        const processor = d.source.kind === "processor" ? d.source : null
        const inserted = yield* q<DepositRow>`
          INSERT INTO deposits (source_key, user_id, payment_id, source_kind, asset, txid, output_index, provider, external_id,
            units, fiat, currency, rate, created_at)
          VALUES (${key}, ${d.user}, ${d.paymentId}, ${d.source.kind}, ${d.amount.asset}, ${chain?.txid ?? null},
            ${chain?.index ?? null}, ${processor?.provider ?? null}, ${processor?.externalId ?? null},
            ${amountText(d.amount.units)}, ${amountText(d.fiat.amount)}, ${d.fiat.currency}, ${decimalText(d.rate)},
            ${millis(d.createdAt)})
          ON CONFLICT (source_key) DO NOTHING
          RETURNING *`
        if (inserted[0] !== undefined) return { deposit: toDeposit(inserted[0]), created: true }
        const existing = yield* bySource(key)
        return { deposit: Option.getOrThrow(existing), created: false }
      }).pipe(Effect.orDie),
    findBySource: (source) => Effect.orDie(bySource(sourceKey(source))),
    listByUser: (user, page) =>
      paged(
        page,
        q<WithTotal<DepositRow>>`SELECT *, ${sql.literal(TOTAL)} FROM deposits WHERE user_id = ${user} ORDER BY id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
        q<{ n: unknown }>`SELECT COUNT(*) AS n FROM deposits WHERE user_id = ${user}`,
        toDeposit
      ).pipe(Effect.orDie),
    summarize: (window, currency) =>
      q<{ asset: string; units: unknown; fiat: unknown }>`SELECT asset, units, fiat FROM deposits
        WHERE created_at >= ${millis(window.from)} AND created_at < ${millis(window.to)} AND currency = ${currency}`.pipe(
        Effect.map((rows) => {
          let total = 0n
          const byAsset = new Map<Asset, bigint>()
          for (const r of rows) {
            const asset = decodeAsset(r.asset)
            total += big(r.fiat)
            byAsset.set(asset, (byAsset.get(asset) ?? 0n) + big(r.units))
          }
          return {
            count: rows.length,
            total: money(total, currency),
            byAsset: [...byAsset].sort(([a], [b]) => (a < b ? -1 : 1)).map(([asset, units]) => crypto(units, asset))
          }
        }),
        Effect.orDie
      )
  })
}))
