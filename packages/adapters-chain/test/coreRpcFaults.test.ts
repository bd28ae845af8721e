/**
 * The Core JSON-RPC back-end against a stand-in on the shared FakeServer, for what a real node will
 * not do on demand: 500s (retried), a cookie rewritten by a restart (read again after the 401),
 * malformed JSON, amounts with too many decimals or a sign; and the exact reading of numbers.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import { parse } from "lossless-json"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { coinsToUnits, parseExact } from "../src/watchers/bitcoin/CoreJson.js"
import { makeCoreRpcSource } from "../src/watchers/bitcoin/CoreRpc.js"
import { makeFakeCore } from "./support/fakeCore.js"

const block = (outputs: string) =>
  `{"hash":"${"b".repeat(64)}","height":5,"previousblockhash":"${"a".repeat(64)}","tx":[{"txid":"${"c".repeat(64)}","vout":[${outputs}]}]}`

describe("a Core stand-in", () => {
  it.scopedLive("500s are retried, a rewritten cookie is read again after a 401, malformed JSON and bad amounts are decode errors", () =>
    Effect.gen(function*() {
      const dir = yield* Effect.acquireRelease(Effect.promise(() => mkdtemp(join(tmpdir(), "core-fake-"))), (d) => Effect.promise(() => rm(d, { recursive: true, force: true })))
      const cookieFile = join(dir, ".cookie")
      let outputs = `{"value":20999999.99999999,"n":0,"scriptPubKey":{"address":"rltc1qours"}},`
        + `{"value":0.1,"n":1,"scriptPubKey":{"addresses":["RLTC1QOURS"]}},`
        + `{"value":1.00000000,"n":2,"scriptPubKey":{"addresses":["rltc1qours","rltc1qother"]}},`
        + `{"ismweb":false,"value":0.00000000,"n":3,"scriptPubKey":{"asm":"OP_RETURN aa","type":"nulldata"}},`
        + `{"ismweb":true,"output_id":"${"d".repeat(64)}"}` // Litecoin's MWEB output: no value, no n
      const fake = makeFakeCore(cookieFile, {
        getblockcount: () => ({ result: "120" }),
        getblockhash: ([h]) => h === 5 ? { result: `"${"b".repeat(64)}"` } : { error: { code: -8, message: "Block height out of range" } },
        getblock: () => ({ result: block(outputs) })
      })
      yield* Effect.acquireRelease(Effect.promise(() => fake.server.start()), () => Effect.promise(() => fake.server.stop()))
      yield* Effect.promise(() => fake.rotateCookie("one"))
      const source = yield* makeCoreRpcSource({
        name: "ltc-core", url: fake.server.url, auth: { cookieFile }, network: "litecoin", asset: "LTC", retries: 2, backoff: "10 millis"
      })
      const ours = (a: string) => a.toLowerCase() === "rltc1qours" ? "rltc1qours" : null
      expect(yield* source.tip).toBe(120)
      expect(yield* source.hashAt(6)).toBeNull()
      const scanned = yield* source.block(5, ours)
      expect(scanned.parent).toBe("a".repeat(64))
      expect(scanned.payments.map((p) => [p.index, p.units, p.address])).toEqual([[0, 2_099_999_999_999_999n, "rltc1qours"], [1, 10_000_000n, "rltc1qours"]])

      fake.server.faults.serverErrors = 2
      expect(yield* source.tip).toBe(120)
      fake.server.faults.serverErrors = 3
      const down = yield* Effect.flip(source.tip)
      expect([down.kind, down.status]).toEqual(["status", 500])

      yield* Effect.promise(() => fake.rotateCookie("two")) // the node restarted
      const before = fake.server.requests.length
      expect(yield* source.tip).toBe(120)
      expect(fake.server.requests.slice(before).map((r) => r.headers.authorization))
        .toEqual([`Basic ${Buffer.from("__cookie__:one").toString("base64")}`, `Basic ${Buffer.from("__cookie__:two").toString("base64")}`])

      fake.server.faults.malformed = 1
      expect((yield* Effect.flip(source.tip)).kind).toBe("decode")
      outputs = `{"value":0.000000001,"n":0,"scriptPubKey":{"address":"rltc1qours"}}`
      expect((yield* Effect.flip(source.block(5, ours))).detail).toContain("more than 8 decimals")
      outputs = `{"value":-0.5,"n":0,"scriptPubKey":{"address":"rltc1qours"}}`
      expect((yield* Effect.flip(source.block(5, ours))).kind).toBe("decode")

      const wrong = yield* makeCoreRpcSource({
        name: "ltc-core", url: fake.server.url, auth: { user: "u", password: Redacted.make("p") }, network: "litecoin", asset: "LTC", retries: 0
      })
      const refused = yield* Effect.flip(wrong.tip)
      expect([refused.kind, refused.status]).toEqual(["status", 401])
    }).pipe(Effect.provide(FetchHttpClient.layer)))

  it("answers are parsed as lossless-json parses them, numbers kept as text, and much faster on a large block", () => {
    const tricky = `{"a":"x\\"1.5\\\\","b":[-0.00000001,1e-8,2E+3,0,9007199254740993,123456789.123456789],"c":{"\\u0000":"s","d":"7"},"e":null,"f":true}`
    expect(parseExact(tricky)).toEqual(parse(tricky))
    const tx = (i: number) =>
      `{"txid":"${i.toString(16).padStart(64, "0")}","hex":"${"ff".repeat(222)}","vin":[{"txinwitness":["${"30".repeat(71)}"],"sequence":4294967293}],`
      + `"vout":[{"value":0.${String(i).padStart(8, "0")},"n":0,"scriptPubKey":{"asm":"0 ${"ef".repeat(20)}","addresses":["ltc1q${"x".repeat(38)}"]}}]}`
    const big = `{"hash":"${"0".repeat(64)}","height":1,"difficulty":1.5e-10,"tx":[${Array.from({ length: 1000 }, (_, i) => tx(i)).join(",")}]}`
    let t = performance.now()
    const fast = parseExact(big)
    const exact = performance.now() - t
    t = performance.now()
    expect(fast).toEqual(parse(big))
    console.log(`${(big.length / 1e6).toFixed(1)} MB: parseExact ${Math.round(exact)} ms, lossless-json ${Math.round(performance.now() - t)} ms`)
  })

  it("amounts are read from their decimal text", () => {
    expect(coinsToUnits("0.00100000")).toEqual(Either.right(100_000n))
    expect(coinsToUnits("84000000.00000000")).toEqual(Either.right(8_400_000_000_000_000n))
    expect(coinsToUnits("0.1")).toEqual(Either.right(10_000_000n))
    expect(coinsToUnits("3")).toEqual(Either.right(300_000_000n))
    for (const bad of ["1e-8", "-0.1", "0.000000001", "", ".5", "1.2.3"]) expect(Either.isLeft(coinsToUnits(bad))).toBe(true)
  })
})
