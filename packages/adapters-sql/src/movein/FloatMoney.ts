/**
 * The one conversion of AiogramShopBot's float amounts (SQLAlchemy `Float`: an IEEE-754 double) into
 * minor units of the shop's currency, applied once to each stored value, never to a sum:
 *
 * 1. take the float's shortest round-trip decimal text (what Python's `repr` and JavaScript's
 *    `String(x)` both print: 0.1 + 0.2 is "0.30000000000000004", 2.675 is "2.675");
 * 2. round that decimal to the currency's minor unit, half up (half away from zero): "2.675" → 2.68,
 *    "0.30000000000000004" → 0.30, "19.995" → 20.00.
 *
 * A value "changed" when step 2 dropped a non-zero digit (the decimal text had more digits than the
 * currency has): such values are listed in the move-in report.
 */
export const CONVERSION_RULE =
  "each float is read as its shortest round-trip decimal text (as Python's repr prints it), then rounded half up to the currency's minor unit"

export interface Converted {
  /** Minor units (cents for USD). */
  readonly minor: bigint
  /** The float's shortest round-trip decimal text. */
  readonly text: string
  /** Whether rounding dropped a non-zero digit. */
  readonly changed: boolean
}

/** Plain decimal digits of a finite number's shortest round-trip text, expanding exponent notation. */
export const shortestDecimal = (value: number): string => {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`)
  const text = String(value)
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (m === null) return text
  const [, sign, int, frac = "", exp] = m
  const digits = `${int}${frac}`
  const point = int!.length + Number(exp)
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** `value` in minor units of a currency with `digits` decimals, by the rule above. */
export const floatToMinor = (value: number, digits: number): Converted => {
  const text = shortestDecimal(value)
  const negative = text.startsWith("-")
  const [int = "0", frac = ""] = (negative ? text.slice(1) : text).split(".")
  const kept = frac.slice(0, digits).padEnd(digits, "0")
  const dropped = frac.slice(digits)
  let minor = BigInt(`${int}${kept}`)
  if (dropped !== "" && dropped[0]! >= "5") minor += 1n
  return { minor: negative ? -minor : minor, text, changed: /[1-9]/.test(dropped) }
}

/** Minor units as decimal text ("0.30"), for reports. */
export const minorText = (minor: bigint, digits: number): string => {
  const negative = minor < 0n
  const s = (negative ? -minor : minor).toString().padStart(digits + 1, "0")
  const body = digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`
  return negative ? `-${body}` : body
}
