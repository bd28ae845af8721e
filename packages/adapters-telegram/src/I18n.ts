/** The bot's texts, from the Fluent files in ./locales (one per language). */
import { readdirSync, readFileSync } from "node:fs"
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle"

export interface Translator {
  /** Languages with a locale file, the default first. */
  readonly languages: ReadonlyArray<string>
  /** The text for `key` in `language`, falling back to the default language. */
  readonly t: (language: string, key: string, args?: Record<string, FluentVariable>) => string
  /**
   * The supported language closest to a Telegram language code, else the default: the exact code, then its
   * primary subtag ("es-MX" -> "es", "fr-CA" -> "fr", "zh-hans" / "zh-CN" / "zh-TW" -> "zh", "pt" -> "en").
   */
  readonly pick: (code: string | null | undefined) => string
}

export const DEFAULT_LANGUAGE = "en"

const loaded = new Map<string, Translator>()

/** Reads the locale files once per directory; later calls share the result. */
export const loadTranslator = (directory: URL = new URL("./locales/", import.meta.url)): Translator => {
  const cached = loaded.get(directory.href)
  if (cached !== undefined) return cached
  const translator = readTranslator(directory)
  loaded.set(directory.href, translator)
  return translator
}

const readTranslator = (directory: URL): Translator => {
  const bundles = new Map<string, FluentBundle>()
  for (const file of readdirSync(directory).filter((f) => f.endsWith(".ftl")).sort()) {
    const language = file.slice(0, -".ftl".length)
    // No Unicode isolation marks: Telegram shows them as stray characters.
    const bundle = new FluentBundle(language, { useIsolating: false })
    const errors = bundle.addResource(new FluentResource(readFileSync(new URL(file, directory), "utf8")))
    if (errors.length > 0) throw new Error(`${file}: ${errors.map((e) => e.message).join("; ")}`)
    bundles.set(language, bundle)
  }
  if (!bundles.has(DEFAULT_LANGUAGE)) throw new Error(`locale ${DEFAULT_LANGUAGE}.ftl is missing`)
  const languages = [DEFAULT_LANGUAGE, ...[...bundles.keys()].filter((l) => l !== DEFAULT_LANGUAGE)]

  const format = (language: string, key: string, args?: Record<string, FluentVariable>): string => {
    for (const bundle of [bundles.get(language), bundles.get(DEFAULT_LANGUAGE)]) {
      const message = bundle?.getMessage(key)
      if (bundle !== undefined && message?.value != null) return bundle.formatPattern(message.value, args)
    }
    return key
  }
  // A text without arguments never changes once the files are read: formatted once per language.
  const fixed = new Map<string, string>()
  const t = (language: string, key: string, args?: Record<string, FluentVariable>): string => {
    if (args !== undefined) return format(language, key, args)
    const id = `${language}\u0000${key}`
    let text = fixed.get(id)
    if (text === undefined) {
      text = format(language, key)
      if (fixed.size < 10_000) fixed.set(id, text)
    }
    return text
  }
  const pick = (code: string | null | undefined) => {
    if (code === null || code === undefined) return DEFAULT_LANGUAGE
    const lower = code.trim().toLowerCase().replaceAll("_", "-")
    return languages.find((l) => l === lower) ?? languages.find((l) => l === lower.split("-")[0]) ?? DEFAULT_LANGUAGE
  }
  return { languages, t, pick }
}
