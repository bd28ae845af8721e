import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { AddressBookRepo, type TrustedAddress } from "../AddressBook.js"
import { MemoryStore } from "./MemoryStore.js"

export const AddressBookRepoMemory: Layer.Layer<AddressBookRepo, never, MemoryStore> = Layer.effect(AddressBookRepo, Effect.gen(function*() {
  const store = yield* MemoryStore
  return AddressBookRepo.of({
    add: (entry) =>
      store.modify<{ readonly entry: TrustedAddress; readonly created: boolean }>((s) => {
        const existing = s.addressBook.find((e) => e.asset === entry.asset && e.address === entry.address)
        return existing !== undefined
          ? [{ entry: existing, created: false }, s] as const
          : [{ entry, created: true }, { ...s, addressBook: [...s.addressBook, entry] }] as const
      }),
    find: (asset, address) => store.read((s) => Option.fromNullable(s.addressBook.find((e) => e.asset === asset && e.address === address))),
    list: store.read((s) => s.addressBook),
    remove: (asset, address) =>
      store.modify((s) => {
        const kept = s.addressBook.filter((e) => !(e.asset === asset && e.address === address))
        return [kept.length < s.addressBook.length, { ...s, addressBook: kept }] as const
      })
  })
}))
