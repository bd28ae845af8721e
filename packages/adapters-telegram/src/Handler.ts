/** What a feature gives the router: one handler per button it owns, one per question it asks. */
import type { User } from "@tokenshop/domain"
import type * as Effect from "effect/Effect"
import type { Context as TgContext } from "grammy"
import type { Asked } from "./Asked.js"
import type { Callback } from "./CallbackData.js"
import type { FleetControl } from "./fleet/FleetControl.js"
import type { Translator } from "./I18n.js"
import type { Speaker } from "./Screens.js"

/** The settings every feature may read. */
export interface BotSettings {
  readonly shopName: string
  /** Where a file a user sent is downloaded from, given its file_path from getFile. */
  readonly fileUrl: (path: string) => string
  readonly helpText?: string | undefined
  readonly translator: Translator
  /** The manager bot's control over its shop fronts; absent in a child bot (and when there is only one bot). */
  readonly fleet?: FleetControl | undefined
}

/** One button press, its payload already decoded; failures are reported by the middleware with an error id. */
export type Handler<K extends Callback["_tag"]> = (
  ctx: TgContext,
  user: User,
  s: Speaker,
  callback: Extract<Callback, { readonly _tag: K }>
) => Effect.Effect<unknown, unknown>

export type Handlers<K extends Callback["_tag"]> = { readonly [P in K]: Handler<P> }

/** A typed answer to a question of kind K; `false` when the text is not taken as an answer (the menu is shown). */
export type Answer<K extends Asked["_tag"]> = (
  ctx: TgContext,
  user: User,
  s: Speaker,
  asked: Extract<Asked, { readonly _tag: K }>,
  text: string
) => Effect.Effect<unknown, unknown>

export type Answers<K extends Asked["_tag"]> = { readonly [P in K]: Answer<P> }

/** A file a user sent. */
export interface Document {
  readonly fileId: string
  readonly fileName: string
  readonly size: number | undefined
}
