/**
 * In-memory adapters for every port, and one contract suite per port (registered with @effect/vitest).
 * Programs that only want the adapters can import "@tokenshop/domain/testing/memory", which needs no test framework.
 */
export * from "./memory.js"
export * from "./contracts/index.js"
export { type Command, commandArbitrary, type RaceCommand, type ReportKind } from "./commands.js"
export { type DriverServices, runStep } from "./driver.js"
export * from "./properties.js"
export * from "./chainProperties.js"
export * from "./ShopPeers.js"
export { decodeJson, encodeJson, type Outcome, type Refs, type Step } from "./steps.js"
