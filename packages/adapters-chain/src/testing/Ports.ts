/**
 * Loopback ports for the real nodes of the tests: `freePort` asks the OS for a port on 127.0.0.1 that
 * is free now (a listener on port 0, closed at once) and gives its number.
 */
import { createServer } from "node:net"

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
