/**
 * Seals the money log shortly after money moves: every 10 seconds, one runner in the cluster (a
 * Singleton, so several processes never seal at once), outside any payment's transaction. Once a day
 * the head goes to the admins' chats (a cluster cron run, once whichever process is up): a record of
 * it outside the database, which `tokenshop audit verify --head` checks the chain against later.
 */
import { singleton } from "./runtime/RunningWork.js"
import { periodic } from "./runtime/Periodic.js"
import { Audits } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"

const sealing = Effect.flatMap(Audits, (audits) => audits.sealPending).pipe(
  Effect.tap((n) => n > 0 ? Effect.logDebug(`money log: ${n} records sealed`) : Effect.void),
  Effect.catchAllCause((cause) => Effect.logWarning("sealing the money log failed; trying again shortly", cause)),
  Effect.repeat(Schedule.spaced("10 seconds")),
  Effect.asVoid
)

/** The witness at the times `cron` names (daily in the shop): what is pending sealed, then the head sent to the admins (AuditHead). */
export const witnessAt = (cron: string) => periodic("audit/witness", cron, Effect.flatMap(Audits, (audits) => audits.witness))

export const AuditSealingLive = Layer.merge(singleton("audit/sealing", sealing), witnessAt("23 8 * * *"))
