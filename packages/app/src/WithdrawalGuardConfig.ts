/**
 * The wallet's guard from the environment: WITHDRAWAL_ADDRESS_DELAY_HOURS (default 24; 0: at once),
 * WITHDRAWAL_APPROVAL_ABOVE (an amount in the shop's currency, or "off"; default: 100 US dollars' worth
 * when there are two admins or more), WITHDRAWAL_APPROVAL_DAILY (the same, for what the withdrawals of
 * the last 24 hours add up to; default: WITHDRAWAL_APPROVAL_ABOVE) and WITHDRAWAL_APPROVAL_HOURS (default 24).
 */
import { digitsOf, parseUnits, type ShopSettings, type WithdrawalGuard } from "@tokenshop/domain"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Option from "effect/Option"

const hours = (name: string, min: number, max: number) =>
  Config.integer(name).pipe(
    Config.mapOrFail((n) => n >= min && n <= max ? Either.right(n) : Either.left(ConfigError.InvalidData([name], `must be from ${min} to ${max}, got ${n}`))),
    Config.map(Duration.hours),
    Config.option
  )

export const withdrawalGuardConfig = Config.all({
  delay: hours("WITHDRAWAL_ADDRESS_DELAY_HOURS", 0, 24 * 30),
  ttl: hours("WITHDRAWAL_APPROVAL_HOURS", 1, 24 * 7),
  above: Config.option(Config.string("WITHDRAWAL_APPROVAL_ABOVE")),
  daily: Config.option(Config.string("WITHDRAWAL_APPROVAL_DAILY"))
})

/** An approval threshold: an amount in the shop's currency (minor units), or null for "off"; an amount needs a second admin. */
const threshold = (name: string, value: string, settings: ShopSettings): Either.Either<bigint | null, ConfigError.ConfigError> =>
  Either.gen(function*() {
    const text = value.trim().toLowerCase()
    if (text === "off") return null
    const amount = yield* Either.mapLeft(
      parseUnits(text, digitsOf(settings.currency)),
      (e) => ConfigError.InvalidData([name], `must be an amount in ${settings.currency}, or off: ${e.message}`)
    )
    if (settings.admins.size < 2) {
      return yield* Either.left(ConfigError.InvalidData([name], "needs at least two ADMIN_IDS (a second admin approves); set it to off, or add an admin"))
    }
    return amount
  })

/** Adds the configured guard to the settings; an approval threshold needs a second admin to approve. */
export const withWithdrawalGuard = (
  settings: ShopSettings,
  { above, daily, delay, ttl }: Config.Config.Success<typeof withdrawalGuardConfig>
): Either.Either<ShopSettings, ConfigError.ConfigError> =>
  Either.gen(function*() {
    const guard: { -readonly [K in keyof WithdrawalGuard]?: WithdrawalGuard[K] } = {}
    if (Option.isSome(delay)) guard.addressDelay = delay.value
    if (Option.isSome(ttl)) guard.approvalTtl = ttl.value
    if (Option.isSome(above)) guard.approvalAbove = yield* threshold("WITHDRAWAL_APPROVAL_ABOVE", above.value, settings)
    // Unset, the daily total is the single threshold (see withdrawalGuard).
    if (Option.isSome(daily)) guard.approvalDaily = yield* threshold("WITHDRAWAL_APPROVAL_DAILY", daily.value, settings)
    return { ...settings, withdrawals: guard }
  })
