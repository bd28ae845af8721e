/**
 * Seals the money log shortly after money moves: every 10 seconds, one runner in the cluster (a
 * Singleton, so several processes never seal at once), outside any payment's transaction.
 */
import { singleton } from "./runtime/RunningWork.js"
import { Audits } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Schedule from "effect/Schedule"

const sealing = Effect.flatMap(Audits, (audits) => audits.sealPending).pipe(
  Effect.tap((n) => n > 0 ? Effect.logDebug(`money log: ${n} records sealed`) : Effect.void),
  Effect.catchAllCause((cause) => Effect.logWarning("sealing the money log failed; trying again shortly", cause)),
  Effect.repeat(Schedule.spaced("10 seconds")),
  Effect.asVoid
)

export const AuditSealingLive = singleton("audit/sealing", sealing)
