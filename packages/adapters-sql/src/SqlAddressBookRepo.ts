import * as SqlClient from "@effect/sql/SqlClient"
import { AddressBookRepo, type Asset, type TrustedAddress } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { decodeAsset, millis, time } from "./internal/rows.js"
import { queries } from "./internal/run.js"

interface AddressRow {
  readonly asset: string
  readonly address: string
  readonly label: string
  readonly added_by: string
  readonly added_at: unknown
  readonly usable_from: unknown
}

const toEntry = (r: AddressRow): TrustedAddress => ({
  asset: decodeAsset(r.asset),
  address: r.address,
  label: r.label,
  addedBy: r.added_by,
  addedAt: time(r.added_at),
  usableFrom: time(r.usable_from)
})

export const SqlAddressBookRepo = Layer.effect(AddressBookRepo, Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const q = queries(sql)
  const find = (asset: Asset, address: string) =>
    q<AddressRow>`SELECT * FROM withdrawal_addresses WHERE asset = ${asset} AND address = ${address}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), toEntry))
    )
  return AddressBookRepo.of({
    add: (e) =>
      Effect.gen(function*() {
        const inserted = yield* q<AddressRow>`
          INSERT INTO withdrawal_addresses (asset, address, label, added_by, added_at, usable_from)
          VALUES (${e.asset}, ${e.address}, ${e.label}, ${e.addedBy}, ${millis(e.addedAt)}, ${millis(e.usableFrom)})
          ON CONFLICT (asset, address) DO NOTHING
          RETURNING *`
        if (inserted[0] !== undefined) return { entry: toEntry(inserted[0]), created: true }
        return { entry: Option.getOrThrow(yield* find(e.asset, e.address)), created: false }
      }).pipe(Effect.orDie),
    find: (asset, address) => Effect.orDie(find(asset, address)),
    list: q<AddressRow>`SELECT * FROM withdrawal_addresses ORDER BY added_at, asset, address`.pipe(Effect.map((rows) => rows.map(toEntry)), Effect.orDie),
    remove: (asset, address) =>
      q<AddressRow>`DELETE FROM withdrawal_addresses WHERE asset = ${asset} AND address = ${address} RETURNING asset`.pipe(
        Effect.map((rows) => rows.length > 0),
        Effect.orDie
      )
  })
}))
