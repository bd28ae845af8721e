/**
 * KryptoExpress's payment callbacks, as the HTTP server receives them. The answer is decided here;
 * the server only passes the raw bytes and headers in and writes the answer out.
 *
 * Order of checks: size, content type, JSON, shape, known payment, signature under that payment's
 * own secret. Only then is the report applied, through the domain's Settlement, which credits a
 * paid payment exactly once however often (and in whatever order) the callbacks arrive.
 * The body is never logged whole: at most the payment's id and the first characters of its hash.
 */
import { Payments, PaymentMismatch, Settled, Settlement } from "@tokenshop/domain"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { observe, PROVIDER } from "./Gateway.js"
import { verifySignature } from "./Signature.js"
import * as Wire from "./Wire.js"

/** Appended to WEBHOOK_PATH: the route the processor posts to. */
export const CALLBACK_PATH = "/cryptoprocessing/event"
export const MAX_CALLBACK_BYTES = 64 * 1024

export interface CallbackRequest {
  readonly body: Uint8Array
  readonly contentType: string | undefined
  readonly signature: string | undefined
}

export interface CallbackAnswer {
  readonly status: number
  readonly text: string
}

const answer = (status: number, text: string): CallbackAnswer => ({ status, text })
const decodePayment = Schema.decodeUnknownEither(Wire.Payment)
const utf8 = new TextDecoder("utf-8", { fatal: false })

export const handleCallback = (request: CallbackRequest): Effect.Effect<CallbackAnswer, never, Payments | Settlement> =>
  Effect.gen(function*() {
    if (request.body.length > MAX_CALLBACK_BYTES) return answer(413, "body too large")
    const mediaType = (request.contentType ?? "").split(";")[0]!.trim().toLowerCase()
    if (mediaType !== "application/json") return answer(415, "expected application/json")
    const json = Wire.parseJson(utf8.decode(request.body))
    if (Either.isLeft(json)) return answer(400, "malformed JSON")
    const decoded = decodePayment(json.right)
    if (Either.isLeft(decoded)) return answer(400, "not a payment event")
    const event = decoded.right
    const hash = event.hash.toLowerCase()
    const label = `payment ${event.id} (${hash.slice(0, 12)}…)`

    const found = yield* Effect.option((yield* Payments).findByExternalId(PROVIDER, hash))
    if (Option.isNone(found)) {
      yield* Effect.logWarning(`KryptoExpress callback for an unknown ${label}: ignored`)
      return answer(404, "unknown payment")
    }
    const payment = found.value
    if (payment.secret === null || !verifySignature(request.body, request.signature, Redacted.value(payment.secret))) {
      yield* Effect.logWarning(`KryptoExpress callback for ${label} with a missing or wrong signature: refused`)
      return answer(403, "bad signature")
    }
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
