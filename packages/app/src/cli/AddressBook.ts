/**
 * `tokenshop address add|list|remove`: the withdrawal address book from the server. An address added
 * here is usable at once: whoever runs this holds the server (and its keys) already. The command line
 * has no chat to tell the admins in, so it prints what it did.
 */
import { AddressBook, allAssets, type Asset, operator } from "@tokenshop/domain"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { CliFailure } from "./Output.js"

const cli = operator("cli")

const assetOf = (text: string) => {
  const wanted = text.trim().toUpperCase()
  const asset = allAssets.find((a) => a === wanted)
  return asset === undefined
    ? Effect.fail(new CliFailure(`unknown asset "${text}": one of ${allAssets.join(", ")}`))
    : Effect.succeed<Asset>(asset)
}

export const addressAdd = (assetText: string, address: string, label: string) =>
  Effect.gen(function*() {
    const asset = yield* assetOf(assetText)
    const entry = yield* (yield* AddressBook).add(cli, asset, address, label)
    yield* Console.log(`${entry.asset} ${entry.address} is in the address book, usable from ${entry.usableFrom.toISOString()}`)
  })

export const addressList = Effect.gen(function*() {
  const entries = yield* (yield* AddressBook).list(cli)
  if (entries.length === 0) return yield* Console.log("the address book is empty")
  yield* Console.log(entries.map((e) =>
    `${e.asset} ${e.address}${e.label === "" ? "" : ` (${e.label})`} added by ${e.addedBy} ${e.addedAt.toISOString()}, usable from ${e.usableFrom.toISOString()}`
  ).join("\n"))
})

export const addressRemove = (assetText: string, address: string) =>
  Effect.gen(function*() {
    const asset = yield* assetOf(assetText)
    const removed = yield* (yield* AddressBook).remove(cli, asset, address)
    yield* Console.log(removed ? `removed ${asset} ${address.trim()}` : `${asset} ${address.trim()} was not in the address book; nothing changed`)
  })
