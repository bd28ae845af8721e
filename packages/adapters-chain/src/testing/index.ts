/** Local fakes of the chain and price APIs, built from their public documentation, with fault switches. */
export * from "./FakeServer.js"
