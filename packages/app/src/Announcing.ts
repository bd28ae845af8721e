/**
 * Announcements sent as durable workflows (@effect/workflow on the shop's cluster runner): each one a
 * workflow of steps, every step an activity that sends to the next recipients (claimed before the
 * message goes out, so an activity run again after a crash never sends twice). Started with
 * `discard`, never inside the admin's request; resumed after a restart. An hourly retention job
 * drops the recipient lists and the engine's rows of announcements finished more than a day ago.
 */
import { RateLimiterLive } from "./runtime/RateLimits.js"
import * as ClusterWorkflowEngine from "@effect/cluster/ClusterWorkflowEngine"
import { periodic } from "./runtime/Periodic.js"
import { RunningWork, RunningWorkLive } from "./runtime/RunningWork.js"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Activity from "@effect/workflow/Activity"
import * as Workflow from "@effect/workflow/Workflow"
import * as WorkflowEngine from "@effect/workflow/WorkflowEngine"
import { ChainAddressValidator } from "@tokenshop/adapters-chain"
import { TelegramBroadcasterLive, type TelegramSettings } from "@tokenshop/adapters-telegram"
import {
  AddressDeriver, AnnouncementId, ApprovalRunner, AnnouncementRepo, AnnouncementRunner, Announcements, ShopConfig, ShopLive, type StoragePorts, TelegramId
} from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { ClusterRunner } from "./Cluster.js"
import { LogNotifier, ProcessorNotConfigured } from "./Services.js"

/** Recipients per step: about two seconds of sending at Telegram's 30 a second. */
export const STEP = 50
/** How long a finished announcement's recipient list and engine rows are kept. */
export const KEEP = Duration.days(1)

export const AnnouncementWorkflow = Workflow.make({
  name: "Announcement",
  payload: { announcement: Schema.Number },
  idempotencyKey: ({ announcement }) => String(announcement)
})

/** The steps; a step that dies (the database away) is tried again after a pause, as the next step. */
const Steps = AnnouncementWorkflow.toLayer(({ announcement }) =>
  Effect.gen(function*() {
    const announcements = yield* Announcements
    const work = yield* Effect.serviceOption(RunningWork)
    const id = AnnouncementId.make(announcement)
    for (let n = 0;; n++) {
      const { done } = yield* Activity.make({
        name: `step-${n}`,
        success: Schema.Struct({ done: Schema.Boolean }),
        execute: announcements.step(id, STEP).pipe(
          Effect.tap(() => Effect.sync(() => Option.map(work, (w) => w.announcing.set(announcement, Date.now())))),
          Effect.catchAllDefect((defect) =>
            Effect.logError(`announcement ${id}: a step failed; trying again`, defect).pipe(Effect.zipRight(Effect.sleep("5 seconds")), Effect.as({ done: false })))
        )
      })
      if (done) return
    }
  }))

/** Removes the engine's messages and replies of the given executions. */
const dropExecutions = (executions: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    if (executions.length === 0) return
    const sql = yield* SqlClient.SqlClient
    yield* sql`DELETE FROM cluster_replies WHERE request_id IN (SELECT id FROM cluster_messages WHERE ${sql.in("entity_id", executions)})`
    yield* sql`DELETE FROM cluster_messages WHERE ${sql.in("entity_id", executions)}`
  })

/** One pass of the retention job; how many announcements were cleaned. */
export const cleanFinished = Effect.gen(function*() {
  const repo = yield* AnnouncementRepo
  const before = new Date((yield* Clock.currentTimeMillis) - Duration.toMillis(KEEP))
  const ids = yield* repo.purge(before)
  const executions = yield* Effect.forEach(ids, (announcement) => AnnouncementWorkflow.executionId({ announcement }))
  yield* dropExecutions(executions)
  return ids.length
})

const retention = cleanFinished.pipe(
  Effect.tap((n) => n > 0 ? Effect.logInfo(`retention: ${n} finished announcements cleaned`) : Effect.void)
)

/** The workflow engine on the shop's cluster runner (provide it once: every singleton and workflow shares it). */
export const EngineLive = ClusterWorkflowEngine.layer.pipe(Layer.provideMerge(ClusterRunner))

/** The domain's runner port: starts an announcement's workflow and returns at once. */
export const WorkflowRunnerLive = Layer.effect(AnnouncementRunner, Effect.gen(function*() {
  const engine = yield* WorkflowEngine.WorkflowEngine
  return AnnouncementRunner.of({
    start: (id) =>
      AnnouncementWorkflow.execute({ announcement: id }, { discard: true }).pipe(
        Effect.provideService(WorkflowEngine.WorkflowEngine, engine),
        Effect.asVoid
      )
  })
}))

/** The workflow's steps and the retention job, for the running bot (on EngineLive). */
export const AnnouncingLive = Layer.mergeAll(Steps, periodic("announcements/retention", "37 * * * *", retention))

/**
 * Every use case over `storage`, with announcements sent on Telegram by the workflow engine, and no
 * payments: what sends announcements, alone (benchmarks, tests of the engine's resumption).
 */
export const announcingShop = <E>(telegram: TelegramSettings, storage: Layer.Layer<StoragePorts | SqlClient.SqlClient, E>, admins: ReadonlyArray<number>) => {
  const services = Layer.mergeAll(
    LogNotifier, ProcessorNotConfigured, AddressDeriver.none, ChainAddressValidator, ApprovalRunner.inline,
    TelegramBroadcasterLive(telegram).pipe(Layer.provide(RateLimiterLive)), WorkflowRunnerLive
  ).pipe(Layer.provideMerge(EngineLive), Layer.provideMerge(storage))
  const config = ShopConfig.layer({ admins: new Set(admins.map((a) => TelegramId.make(a))) })
  const core = ShopLive.pipe(Layer.provideMerge(services), Layer.provideMerge(config))
  return Layer.merge(AnnouncingLive.pipe(Layer.provide(core), Layer.provide(RunningWorkLive)), core)
}
