/**
 * The KryptoExpress REST client: every answer decoded with Schema from losslessly parsed JSON.
 * Timeouts, refused connections, 4xx, 5xx and undecodable answers all become KryptoExpressError;
 * nothing throws. Only calls that change nothing are retried.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as Wire from "./Wire.js"

export const defaultBaseUrl = "https://kryptoexpress.pro/api"

export interface KryptoExpressSettings {
  /** Default https://kryptoexpress.pro/api; tests point it at a local fake. */
  readonly baseUrl?: string | undefined
  readonly apiKey: Redacted.Redacted<string>
  /** Per request, default 15 seconds. */
  readonly timeout?: Duration.DurationInput | undefined
}

export class KryptoExpressError extends Data.TaggedError("KryptoExpressError")<{
  readonly operation: string
  /** timeout, transport (no answer), status (4xx/5xx), decode (an answer we cannot read). */
  readonly kind: "timeout" | "transport" | "status" | "decode"
  readonly status?: number | undefined
  readonly detail: string
}> {
  override get message() {
    return `KryptoExpress ${this.operation}: ${this.kind}${this.status === undefined ? "" : ` ${this.status}`}: ${this.detail}`
  }
  /** A 4xx: the processor understood and refused; asking again will not help. */
  get refused(): boolean {
    return this.kind === "status" && this.status !== undefined && this.status >= 400 && this.status < 500
  }
}

export interface CreatePayment {
  readonly paymentType: Wire.PaymentType
  readonly fiatCurrency: string
  readonly cryptoCurrency: string
  readonly callbackUrl: string
  readonly callbackSecret: string
  /** Decimal text in major units; PAYMENT only. */
  readonly fiatAmount?: string | undefined
}

export interface WithdrawInput {
  readonly withdrawType: "ALL" | "SINGLE"
  readonly cryptoCurrency: string
  readonly toAddress: string
  readonly onlyCalculate: boolean
  readonly paymentId?: number | undefined
}

export class KryptoExpress extends Context.Tag("@tokenshop/adapters-krypto/KryptoExpress")<KryptoExpress, {
  readonly createPayment: (input: CreatePayment) => Effect.Effect<Wire.Payment, KryptoExpressError>
  /** Needs no key. */
  readonly getPayment: (hash: string) => Effect.Effect<Wire.Payment, KryptoExpressError>
  readonly wallet: Effect.Effect<Readonly<Record<string, string>>, KryptoExpressError>
  readonly withdraw: (input: WithdrawInput) => Effect.Effect<Wire.Withdrawal, KryptoExpressError>
  readonly currencies: (kind: "native" | "all" | "stable") => Effect.Effect<ReadonlyArray<string>, KryptoExpressError>
  readonly prices: (cryptoCurrencies: ReadonlyArray<string>, fiatCurrency: string) => Effect.Effect<
    ReadonlyArray<typeof Wire.Price.Type>,
    KryptoExpressError
  >
}>() {}

const MAX_ANSWER = 1024 * 1024

/**
 * The answer's text, read chunk by chunk and abandoned as soon as it passes `max` bytes (None), so
 * that a huge or endless answer never sits in memory whole.
 */
const textWithin = (response: HttpClientResponse.HttpClientResponse, max: number) =>
  Effect.gen(function*() {
    const chunks: Array<Uint8Array> = []
    let size = 0
    yield* Stream.runForEachWhile(response.stream, (chunk) =>
      Effect.sync(() => {
        size += chunk.length
        if (size <= max) chunks.push(chunk)
        return size <= max
      }))
    return size > max ? Option.none() : Option.some(Buffer.concat(chunks).toString("utf8"))
  })

/** Transient failures of a call that changes nothing: try twice more, soon. */
const safeRetry = {
  schedule: Schedule.exponential("200 millis", 2).pipe(Schedule.jittered, Schedule.intersect(Schedule.recurs(2))),
  while: (e: KryptoExpressError) => e.kind === "timeout" || e.kind === "transport" || (e.kind === "status" && (e.status ?? 0) >= 500)
}

const errorText = (body: string): string => {
  const parsed = Wire.parseJson(body)
  if (Either.isRight(parsed) && typeof parsed.right === "object" && parsed.right !== null) {
    const o = parsed.right as Record<string, unknown>
    for (const k of ["message", "error", "detail"]) if (typeof o[k] === "string") return (o[k] as string).slice(0, 200)
  }
  return body.slice(0, 200).replace(/\s+/g, " ")
}

export const makeKryptoExpress = (settings: KryptoExpressSettings) =>
  Effect.gen(function*() {
    const base = (settings.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "")
    const timeout = Duration.decode(settings.timeout ?? "15 seconds")
    const http = yield* HttpClient.HttpClient

    const call = <A, I>(operation: string, request: HttpClientRequest.HttpClientRequest, schema: Schema.Schema<A, I>) =>
      Effect.gen(function*() {
        const fail = (kind: KryptoExpressError["kind"], detail: string, status?: number) =>
          new KryptoExpressError({ operation, kind, detail, status })
        const response = yield* http.execute(request).pipe(
          Effect.mapError((e) => fail("transport", e.message))
        )
        const read = yield* textWithin(response, MAX_ANSWER).pipe(Effect.mapError((e) => fail("transport", e.message)))
        if (Option.isNone(read)) return yield* fail("decode", `the answer is larger than ${MAX_ANSWER} bytes`, response.status)
        const body = read.value
        if (response.status < 200 || response.status >= 300) return yield* fail("status", errorText(body), response.status)
        const json = Wire.parseJson(body)
        if (Either.isLeft(json)) return yield* fail("decode", `not JSON: ${json.left.slice(0, 120)}`)
        return yield* Schema.decodeUnknown(schema)(json.right).pipe(
          Effect.mapError((e) => fail("decode", ParseResult.TreeFormatter.formatErrorSync(e).slice(0, 400)))
        )
      }).pipe(
        Effect.timeoutFail({ duration: timeout, onTimeout: () => new KryptoExpressError({ operation, kind: "timeout", detail: `no answer within ${Duration.format(timeout)}` }) }),
        Effect.withSpan(`KryptoExpress.${operation}`)
      )

    const keyed = (request: HttpClientRequest.HttpClientRequest) =>
      request.pipe(HttpClientRequest.setHeader("X-Api-Key", Redacted.value(settings.apiKey)), HttpClientRequest.acceptJson)
    const post = (path: string, body: unknown) =>
      keyed(HttpClientRequest.post(`${base}${path}`)).pipe(HttpClientRequest.bodyText(Wire.toJson(body), "application/json"))

    return KryptoExpress.of({
      createPayment: (input) =>
        call("createPayment", post("/payment", {
          fiatCurrency: input.fiatCurrency,
          paymentType: input.paymentType,
          cryptoCurrency: input.cryptoCurrency,
          callbackUrl: input.callbackUrl,
          callbackSecret: input.callbackSecret,
          ...(input.fiatAmount === undefined ? {} : { fiatAmount: new Wire.JsonNumber(input.fiatAmount) })
        }), Wire.Payment),
      getPayment: (hash) =>
        call("getPayment", HttpClientRequest.get(`${base}/payment`).pipe(HttpClientRequest.setUrlParam("hash", hash), HttpClientRequest.acceptJson), Wire.Payment)
          .pipe(Effect.retry(safeRetry)),
      wallet: call("wallet", keyed(HttpClientRequest.get(`${base}/wallet`)), Wire.Wallet).pipe(Effect.retry(safeRetry)),
      withdraw: (input) => {
        const request = call("withdraw", post("/wallet/withdrawal", {
          withdrawType: input.withdrawType,
          cryptoCurrency: input.cryptoCurrency,
          toAddress: input.toAddress,
          onlyCalculate: input.onlyCalculate,
          ...(input.paymentId === undefined ? {} : { paymentId: new Wire.JsonNumber(String(input.paymentId)) })
        }), Wire.Withdrawal)
        // A preview moves nothing and may be asked again; an execution is never repeated here.
        return input.onlyCalculate ? Effect.retry(request, safeRetry) : request
      },
      currencies: (kind) =>
        call("currencies", keyed(HttpClientRequest.get(`${base}/cryptocurrency${kind === "native" ? "" : `/${kind}`}`)), Wire.CurrencyList)
          .pipe(Effect.retry(safeRetry)),
      prices: (cryptoCurrencies, fiatCurrency) =>
        call("prices", keyed(HttpClientRequest.get(`${base}/cryptocurrency/price`)).pipe(
          HttpClientRequest.setUrlParam("cryptoCurrency", cryptoCurrencies.join(",")),
          HttpClientRequest.setUrlParam("fiatCurrency", fiatCurrency)
        ), Wire.Prices).pipe(Effect.retry(safeRetry))
    })
  })

export const KryptoExpressLayer = (settings: KryptoExpressSettings) => Layer.effect(KryptoExpress, makeKryptoExpress(settings))
