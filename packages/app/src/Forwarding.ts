/**
 * Forwarding as durable work (@effect/workflow on the shop's cluster runner): each credited payment
 * whose asset has a forwarding address gets one workflow, keyed by the payment, whose one activity is
 * `Settlement.forward`. A process that dies while forwarding leaves the workflow to another (or to
 * itself after a restart), and a processor that repeats its report starts it again, which the engine
 * turns into the same execution. The send itself is once per payment (its idempotency key). A crash
 * between a credit and its workflow's start is caught by an hourly sweep over the last day's payments.
 */
import * as Activity from "@effect/workflow/Activity"
import * as Workflow from "@effect/workflow/Workflow"
import * as WorkflowEngine from "@effect/workflow/WorkflowEngine"
import { ForwardingRunner, PaymentId, Settlement } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { periodic } from "./runtime/Periodic.js"

// Name frozen: suspended executions replay by it.
export const ForwardingWorkflow = Workflow.make({
  name: "Forwarding",
  payload: { payment: Schema.Number },
  idempotencyKey: ({ payment }) => String(payment)
})

const Body = ForwardingWorkflow.toLayer(({ payment }) =>
  Effect.flatMap(Settlement, (settlement) => Activity.make({ name: "forward", execute: settlement.forward(PaymentId.make(payment)) })))

/** Every hour: the forwardings of the last day's payments, started again (each runs once). */
const Sweep = periodic("payments/forwarding-sweep", "47 * * * *", Effect.gen(function*() {
  const since = new Date((yield* Clock.currentTimeMillis) - Duration.toMillis(Duration.days(1)))
  const started = yield* (yield* Settlement).forwardMissed(since)
  if (started > 0) yield* Effect.logDebug(`forwarding sweep: ${started} payments of the last day checked`)
}))

/** The workflow's body and the sweep, for the running bot (on the engine, with the shop's use cases). */
export const ForwardingLive = Layer.merge(Body, Sweep)

/** The domain's port: starts a payment's forwarding workflow and returns at once. */
export const ForwardingRunnerLive = Layer.effect(ForwardingRunner, Effect.gen(function*() {
  const engine = yield* WorkflowEngine.WorkflowEngine
  return ForwardingRunner.of({
    start: (payment) =>
      ForwardingWorkflow.execute({ payment }, { discard: true }).pipe(Effect.provideService(WorkflowEngine.WorkflowEngine, engine), Effect.asVoid)
  })
}))
