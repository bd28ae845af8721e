import * as SqlClient from "@effect/sql/SqlClient"
import { Transactor } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { makeTransaction } from "./internal/transaction.js"

export const SqlTransactor = Layer.effect(
  Transactor,
  Effect.map(SqlClient.SqlClient, (sql) => Transactor.of({ withTransaction: makeTransaction(sql) }))
)
