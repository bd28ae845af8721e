/**
 * Stand-ins for the outside services a command does not configure: each refuses with a clear
 * "not configured" message instead of pretending to work.
 */
import {
  AddressDeriver, AddressValidator, AnnouncementRunner, ApprovalRunner, Broadcaster, type DomainEvent, InvalidAddress, Notifier, PaymentGateway, PriceSource,
  ServiceUnavailable, WalletProcessor
} from "@tokenshop/domain"
import * as Option from "effect/Option"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

const unavailable = (service: ServiceUnavailable["service"]) =>
  Effect.fail(new ServiceUnavailable({ service, detail: `the ${service} service is not configured` }))

/** No payment processor: top-ups, wallet and prices each say they are not configured. */
export const ProcessorNotConfigured = Layer.mergeAll(
  Layer.succeed(PaymentGateway, PaymentGateway.of({
    assets: [],
    fixedAmountAssets: [],
    open: () => unavailable("payments"),
    check: () => unavailable("payments")
  })),
  Layer.succeed(WalletProcessor, WalletProcessor.of({
    balances: unavailable("wallet"),
    quote: () => unavailable("wallet"),
    execute: () => unavailable("wallet")
  })),
  Layer.succeed(PriceSource, PriceSource.of({ rate: () => unavailable("prices") }))
)

/** No chat to announce on (the command line): announcements are made and sent by the running bot. */
export const AnnouncementsOff = Layer.mergeAll(
  Layer.succeed(Broadcaster, Broadcaster.of({ turn: Effect.void, deliver: () => Effect.succeed("failed"), report: () => Effect.succeed(Option.none()) })),
  Layer.succeed(AnnouncementRunner, AnnouncementRunner.of({
    start: (id) => Effect.logWarning(`announcement ${id} is sent by the running bot, not from here`)
  }))
)

/** Every outside service but the notifier switched off (the CLI, tests). */
export const PaymentsNotConfigured = Layer.mergeAll(
  ProcessorNotConfigured,
  AnnouncementsOff,
  ApprovalRunner.inline,
  AddressDeriver.none,
  Layer.succeed(AddressValidator, AddressValidator.of({
    validate: (_, address) => Effect.fail(new InvalidAddress({ address, reason: "withdrawals are not configured" }))
  }))
)

/** Domain events as debug log lines (the Telegram adapter replaces it with chat notifications). */
export const LogNotifier = Layer.succeed(Notifier, Notifier.of({
  publish: (event: DomainEvent) => Effect.logDebug(`event ${event._tag}`)
}))
