/** A QR code as a PNG, or None when it cannot be drawn (the caller then sends text alone). */
import * as Effect from "effect/Effect"
import { toBuffer } from "qrcode"

export const qrPng = (text: string) =>
  Effect.tryPromise(() => toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 8 })).pipe(Effect.option)
