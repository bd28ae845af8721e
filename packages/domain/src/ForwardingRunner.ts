/**
 * Where forwardings run: sending a credited payment on to the owner's forwarding address happens
 * after the credit, never inside the callback that credited it. A host that has durable work (the
 * running bot: a workflow on the shop's cluster) provides this port, so that a forwarding a process
 * dies in the middle of is resumed by another, and started again when the processor repeats its
 * report. Without it, `Settlement` forwards in the background of the process that credited.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { PaymentId } from "./Ids.js"

export class ForwardingRunner extends Context.Tag("@tokenshop/domain/ForwardingRunner")<ForwardingRunner, {
  /**
   * Starts the forwarding of this credited payment and returns at once; once per payment however
   * often it is called (it then runs `Settlement.forward`).
   */
  readonly start: (payment: PaymentId) => Effect.Effect<void>
}>() {}
