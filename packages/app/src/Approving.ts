/**
 * Two-admin approval as a durable workflow (@effect/workflow on the shop's cluster runner): each
 * withdrawal that waits for a second admin is a workflow that waits for the decision (a
 * `DurableDeferred` completed from the approving admin's tap) or for its expiry (a `DurableClock`),
 * whichever comes first, and then runs one activity: `WithdrawalApprovals.settle`, which sends an
 * approved withdrawal once (under its idempotency key) or expires a pending one. Nothing is held in
 * memory while it waits; a restart resumes it from the database.
 */
import * as Activity from "@effect/workflow/Activity"
import * as DurableClock from "@effect/workflow/DurableClock"
import * as DurableDeferred from "@effect/workflow/DurableDeferred"
import * as Workflow from "@effect/workflow/Workflow"
import * as WorkflowEngine from "@effect/workflow/WorkflowEngine"
import { ApprovalId, ApprovalRunner, ShopConfig, WithdrawalApprovals, withdrawalGuard } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"

// Names frozen: suspended executions replay by them.
export const ApprovalWorkflow = Workflow.make({
  name: "WithdrawalApproval",
  payload: { approval: Schema.Number },
  idempotencyKey: ({ approval }) => String(approval)
})
const Decision = DurableDeferred.make("decision")

/** The workflow's body, for the running bot (on the engine, with the shop's use cases). */
export const ApprovingLive = ApprovalWorkflow.toLayer(({ approval }) =>
  Effect.gen(function*() {
    const approvals = yield* WithdrawalApprovals
    const { approvalTtl } = withdrawalGuard(yield* ShopConfig)
    yield* DurableDeferred.raceAll({
      name: "decision-or-expiry",
      success: Schema.Void,
      error: Schema.Never,
      effects: [
        DurableDeferred.await(Decision),
        // Always through the engine's clock (never an in-memory sleep), so that the expiry survives a restart.
        DurableClock.sleep({ name: "expiry", duration: approvalTtl, inMemoryThreshold: "0 millis" })
      ]
    })
    yield* Activity.make({ name: "settle", execute: approvals.settle(ApprovalId.make(approval)) })
  }))

/** The domain's port: starts an approval's workflow (returns at once) and completes its decision. */
export const ApprovalRunnerLive = Layer.effect(ApprovalRunner, Effect.gen(function*() {
  const engine = yield* WorkflowEngine.WorkflowEngine
  const start = (id: ApprovalId) =>
    ApprovalWorkflow.execute({ approval: id }, { discard: true }).pipe(Effect.provideService(WorkflowEngine.WorkflowEngine, engine), Effect.asVoid)
  return ApprovalRunner.of({
    start,
    // The workflow runs `settle` itself, after a restart too: the step handed over is not run here. It is
    // started again first (the engine keeps one execution per approval), in case a crash came between
    // recording the request and starting its workflow.
    decided: (id) =>
      start(id).pipe(
        Effect.zipRight(DurableDeferred.tokenFromPayload(Decision, { workflow: ApprovalWorkflow, payload: { approval: id } })),
        Effect.flatMap((token) => DurableDeferred.succeed(Decision, { token, value: undefined })),
        Effect.provideService(WorkflowEngine.WorkflowEngine, engine)
      )
  })
}))
