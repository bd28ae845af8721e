import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { ApprovalRunner, AddressDeriver, ShopConfig, type ShopSettings } from "@tokenshop/domain"
import { AddressValidatorMemory, BroadcasterMemory, NotifierMemory, ShopMemory } from "@tokenshop/domain/testing/memory"
import type * as Duration from "effect/Duration"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import { handleCallback } from "../src/Callback.js"
import { KryptoExpressLayer } from "../src/Client.js"
import { KryptoExpressGateway } from "../src/Gateway.js"
import { FakeKryptoExpress } from "../src/testing/FakeKryptoExpress.js"

export const testCallbackKey = Redacted.make("test callback master key, 32+ characters")

export const kryptoLayer = (fake: FakeKryptoExpress, callbackUrl: string, settings: Partial<ShopSettings> = {}, timeout: Duration.DurationInput = "3 seconds") =>
  KryptoExpressGateway({ callbackUrl, callbackKey: testCallbackKey }).pipe(
    Layer.provide(KryptoExpressLayer({ baseUrl: fake.url, apiKey: Redacted.make(fake.apiKey), timeout })),
    Layer.provide(FetchHttpClient.layer),
    Layer.provide(ShopConfig.layer(settings))
  )

/** A shop in memory paid through the fake processor, with a loopback HTTP server for its callbacks. */
export const startHarness = async (settings: Partial<ShopSettings> = {}) => {
  const fake = new FakeKryptoExpress({ timeScale: 0.0002 })
  await fake.start()
  let runtime: ManagedRuntime.ManagedRuntime<any, any> | undefined
  const server = createServer(async (req, res) => {
    const chunks: Array<Buffer> = []
    for await (const c of req) chunks.push(c as Buffer)
    const header = req.headers["x-signature"]
    // POST /cryptoprocessing/event/{reference}, or the bare path of payments opened before references
    const reference = /^\/cryptoprocessing\/event\/([^/?]+)$/.exec(req.url ?? "")?.[1]
    const answer = await runtime!.runPromise(handleCallback({
      reference,
      body: Buffer.concat(chunks),
      contentType: req.headers["content-type"],
      signature: Array.isArray(header) ? header[0] : header
    }))
    res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.text)
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()))
  const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cryptoprocessing/event`
  const layer = ShopMemory(settings, {
    services: Layer.mergeAll(BroadcasterMemory, ApprovalRunner.inline, NotifierMemory, AddressValidatorMemory, AddressDeriver.none, kryptoLayer(fake, callbackUrl, settings))
  })
  const rt = ManagedRuntime.make(layer)
  runtime = rt
  return {
    fake,
    runtime: rt,
    callbackUrl,
    stop: async () => {
      await fake.stop()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      await rt.dispose()
    }
  }
}
