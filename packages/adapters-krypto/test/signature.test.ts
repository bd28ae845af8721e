import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { compactJson, sign, verifySignature } from "../src/Signature.js"

// The public test vector of the KryptoExpress documentation.
const secret = "1234567890"
const body =
  `{"id":638,"paymentType":"DEPOSIT","fiatCurrency":"USD","fiatAmount":16.31,"cryptoAmount":0.00018486,"userId":"fa92a3e0-48c0-44db-9d59-213ca94a14c3","cryptoCurrency":"BTC","expireDatetime":1745252847543,"createDatetime":1745245647543,"address":"bc1qxquy5w247rw0natp4ts4nz9agm4s9z24p0tl7u","isPaid":true,"isWithdrawn":false,"hash":"adaeca287275d5589623a397fb4e35fac3aad7ba2ba9f7111e6df809df1e7474","callbackUrl":"https://google.com/event"}`
const signature =
  "d5633ea456a3fd3e47798f7effe0082ad9d98e667a6c159e1e5eafa06e72e3ddaa0b847859221a4f6fc86b6af322da2ff3869db32cc545f1f91cc300ae3b05db"
const bytes = (s: string) => new TextEncoder().encode(s)

describe("callback signatures", () => {
  it("the documentation's test vector verifies", () => {
    expect(sign(secret, body)).toBe(signature)
    expect(verifySignature(bytes(body), signature, secret)).toBe(true)
    expect(verifySignature(bytes(body), signature.toUpperCase(), secret)).toBe(true)
  })

  it("a pretty-printed body verifies over its compact form; string contents are kept", () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2)
    expect(verifySignature(bytes(pretty), signature, secret)).toBe(true)
    const tricky = `{"a": "x y\\" z", "b" :\n 1.0}`
    expect(new TextDecoder().decode(compactJson(bytes(tricky)))).toBe(`{"a":"x y\\" z","b":1.0}`)
  })

  it("numbers are never re-serialized: 100.0 and 1e-07 keep their signatures", () => {
    const odd = `{"fiatAmount":100.0,"cryptoAmount":1e-07}`
    const sig = sign(secret, odd)
    expect(verifySignature(bytes(odd), sig, secret)).toBe(true)
    expect(verifySignature(bytes(JSON.stringify(JSON.parse(odd))), sig, secret)).toBe(false)
  })

  it("refuses a changed body, another secret, a missing, short or non-hex header", () => {
    expect(verifySignature(bytes(body.replace("16.31", "16.32")), signature, secret)).toBe(false)
    expect(verifySignature(bytes(body), signature, "123456789")).toBe(false)
    expect(verifySignature(bytes(body), undefined, secret)).toBe(false)
    expect(verifySignature(bytes(body), signature.slice(2), secret)).toBe(false)
    expect(verifySignature(bytes(body), `zz${signature.slice(2)}`, secret)).toBe(false)
    expect(verifySignature(bytes(body), signature, "")).toBe(false)
  })

  it("whitespace inside strings matters: moving a space into a string breaks the signature", () => {
    const changed = body.replace(`"userId":"fa92`, `"userId":" fa92`)
    expect(verifySignature(bytes(changed), signature, secret)).toBe(false)
  })

  it("no random body or header verifies under a secret it was not signed with", () => {
    fc.assert(fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (text, a, b) => {
      fc.pre(a !== b)
      expect(verifySignature(bytes(text), sign(a, text), b)).toBe(false)
      expect(verifySignature(bytes(text), sign(a, text), a)).toBe(true)
    }))
  })
})
