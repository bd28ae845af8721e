/**
 * In-memory adapters for every port, and one contract suite per port (registered with @effect/vitest).
 * Programs that only want the adapters can import "@tokenshop/domain/testing/memory", which needs no test framework.
 */
export * from "./memory.js"
export * from "./contracts/index.js"
export { type Command, commandArbitrary } from "./commands.js"
export * from "./properties.js"
export * from "./chainProperties.js"
