/**
 * KryptoExpress's payment callbacks, as the HTTP server receives them. The answer is decided here;
 * the server only passes the raw bytes and headers in and writes the answer out.
 *
 * Order of checks: size, content type, then the signature under the secret derived from the
 * reference at the end of the URL's path (CallbackKey.ts): a forged or unsigned callback is refused
 * before the body is parsed, looked up or logged. Then JSON, shape, known payment, address, and the
 * report is applied through the domain's Settlement, which credits a paid payment exactly once
 * however often (and in whatever order) the callbacks arrive.
 *
 * Payments opened before derived secrets (no reference in their URL) keep their stored secret until
 * they settle; on that path an unknown payment and a bad signature get the same answer.
 * The body is never logged whole: at most the payment's id and the first characters of its hash.
 */
import { Payments, PaymentMismatch, Settled, Settlement } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { CallbackKey, callbackSecret, isReference } from "./CallbackKey.js"
import { observe, PROVIDER } from "./Gateway.js"
import { verifySignature } from "./Signature.js"
import * as Wire from "./Wire.js"

/** Appended to WEBHOOK_PATH: the route the processor posts to. */
export const CALLBACK_PATH = "/cryptoprocessing/event"
export const MAX_CALLBACK_BYTES = 64 * 1024

export interface CallbackRequest {
  /** The last segment of the callback URL's path; absent on the path of payments opened before it. */
  readonly reference?: string | undefined
  readonly body: Uint8Array
  readonly contentType: string | undefined
  readonly signature: string | undefined
}

export interface CallbackAnswer {
  readonly status: number
  readonly text: string
}

const answer = (status: number, text: string): CallbackAnswer => ({ status, text })
/** The one answer to every callback not signed by the processor, known payment or not. */
const refused = answer(403, "refused")
const decodePayment = Schema.decodeUnknownEither(Wire.Payment)
const utf8 = new TextDecoder("utf-8", { fatal: false })

export const handleCallback = (request: CallbackRequest): Effect.Effect<CallbackAnswer, never, Payments | Settlement | CallbackKey> =>
  Effect.gen(function*() {
    if (request.body.length > MAX_CALLBACK_BYTES) return answer(413, "body too large")
    const mediaType = (request.contentType ?? "").split(";")[0]!.trim().toLowerCase()
    if (mediaType !== "application/json") return answer(415, "expected application/json")
    const { reference } = request
    if (reference !== undefined) {
      // Checked from the URL alone: nothing is parsed, looked up or logged for a forgery.
      if (!isReference(reference) || !verifySignature(request.body, request.signature, callbackSecret(yield* CallbackKey, reference))) return refused
    }
    const json = Wire.parseJson(utf8.decode(request.body))
    if (Either.isLeft(json)) return answer(400, "malformed JSON")
    const decoded = decodePayment(json.right)
    if (Either.isLeft(decoded)) return answer(400, "not a payment event")
    const event = decoded.right
    const hash = event.hash.toLowerCase()
    const label = `payment ${event.id} (${hash.slice(0, 12)}…)`

    const found = yield* Effect.option((yield* Payments).findByExternalId(PROVIDER, hash))
    if (reference === undefined) {
      // A payment opened before derived secrets: its stored secret, and one answer for unknown and forged alike.
      const secret = Option.flatMap(found, (p) => Option.fromNullable(p.secret))
      if (Option.isNone(secret) || !verifySignature(request.body, request.signature, Redacted.value(secret.value))) return refused
    }
    if (Option.isNone(found)) {
      yield* Effect.logWarning(`KryptoExpress callback, signed, for an unknown ${label}: ignored`)
      return answer(404, "unknown payment")
    }
    const payment = found.value
    if (event.address !== payment.address) {
      yield* Effect.logWarning(`KryptoExpress callback for ${label} names another address: ignored`)
      return answer(200, "ignored: address differs")
    }
    const now = new Date(yield* Clock.currentTimeMillis)
    return yield* (yield* Settlement).apply(payment, observe(event, now)).pipe(
      Effect.map(Settled.$match({
        Credited: ({ credit }) => answer(200, credit.replayed ? "already credited" : "credited"),
        Expired: () => answer(200, "expired"),
        Unchanged: () => answer(200, "noted")
      })),
      Effect.catchTag("PaymentMismatch", (e: PaymentMismatch) => Effect.succeed(answer(200, `not credited: ${e.reason}`)))
    )
  }).pipe(Effect.withSpan("KryptoExpress.callback"))
