/** A loopback file server standing in for Telegram's: what the test puts under a file_id, the bot downloads. */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import * as Effect from "effect/Effect"

export const fileServer = Effect.acquireRelease(
  Effect.promise(async () => {
    const files = new Map<string, string | (() => AsyncIterable<string>)>()
    let downloads = 0
    const server = createServer(async (req, res) => {
      const content = files.get(decodeURIComponent((req.url ?? "").replace(/^\/documents\//, "")))
      if (content === undefined) return void res.writeHead(404).end("not found")
      downloads++
      res.writeHead(200, { "content-type": "application/octet-stream" })
      if (typeof content === "string") return void res.end(content)
      for await (const chunk of content()) if (!res.write(chunk)) await new Promise((r) => res.once("drain", r))
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const { port } = server.address() as AddressInfo
    return {
      server,
      /** Makes `content` downloadable as the document `fileId` (a function: generated again on every download). */
      put: (fileId: string, content: string | (() => AsyncIterable<string>)) => void files.set(fileId, content),
      url: (path: string) => `http://127.0.0.1:${port}/${path}`,
      downloads: () => downloads
    }
  }),
  ({ server }) => Effect.promise(() => new Promise<void>((resolve) => server.close(() => resolve())))
)
