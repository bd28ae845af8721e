/** Local fakes of the chain and price APIs, built from their public documentation, with fault switches. */
export * from "./FakeEsplora.js"
export * from "./FakePrices.js"
export * from "./FakeServer.js"
export * from "./FakeSolanaRpc.js"
export * from "./FakeTronGrid.js"
