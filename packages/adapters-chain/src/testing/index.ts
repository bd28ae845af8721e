/**
 * Local fakes of the chain and price APIs, built from their public documentation, with fault switches;
 * and real nodes for tests: anvil (Ethereum) and litecoind in regtest, on loopback ports of their own.
 */
export * from "./Anvil.js"
export * from "./FakeEsplora.js"
export * from "./Forwarder.js"
export * from "./FakePrices.js"
export * from "./FakeServer.js"
export * from "./FakeSolanaRpc.js"
export * from "./FakeTronGrid.js"
export * from "./Litecoind.js"
export * from "./MemoryChain.js"
export * from "./TestToken.js"
