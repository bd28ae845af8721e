/**
 * The hexagon's dependency rule, checked in `npm test`:
 * - the domain's runtime code imports nothing but `effect`;
 *   its contract suites may also import the test framework (@effect/vitest, vitest);
 * - an adapter never imports another adapter;
 * - only `app` imports adapters, and nothing imports `app`;
 * - no server code can read a mnemonic: only the offline wallet module imports BIP39 and SLIP-10,
 *   and only the CLI's offline wallet commands import that module.
 * Paths are relative to the directory depcruise runs in (the repository root).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-only-effect",
      severity: "error",
      comment: "packages/domain is pure: it may import only effect (and its own files).",
      from: { path: "^packages/domain/src/", pathNot: "^packages/domain/src/testing/(contracts/|\\w*[Pp]roperties\\.ts$)" },
      to: { pathNot: ["^packages/domain/src/", "(^|/)node_modules/effect/"] }
    },
    {
      name: "domain-contracts-only-effect-and-vitest",
      severity: "error",
      comment: "The contract and property suites may add the test framework, nothing else.",
      from: { path: "^packages/domain/src/testing/(contracts/|\\w*[Pp]roperties\\.ts$)" },
      to: { pathNot: ["^packages/domain/src/", "(^|/)node_modules/(effect|@effect/vitest|vitest|@vitest/[^/]+)/"] }
    },
    {
      name: "adapter-not-to-other-adapter",
      severity: "error",
      comment: "Adapters are independent: one never imports another.",
      from: { path: "^packages/(adapters-[^/]+)/" },
      to: { path: "^packages/adapters-[^/]+/", pathNot: "^packages/$1/" }
    },
    {
      name: "only-app-imports-adapters",
      severity: "error",
      comment: "Only the composition root (packages/app) chooses adapters.",
      from: { path: "^packages/", pathNot: "^packages/(app|adapters-[^/]+)/" },
      to: { path: "^packages/adapters-[^/]+/" }
    },
    {
      name: "nothing-imports-app",
      severity: "error",
      from: { path: "^packages/", pathNot: "^packages/app/" },
      to: { path: "^packages/app/" }
    },
    {
      name: "mnemonic-only-offline",
      severity: "error",
      comment: "The server holds no private key: only the offline wallet module (and tests) may read a mnemonic.",
      from: { path: "^packages/", pathNot: "^packages/adapters-chain/src/derive/Offline\\.ts$|^packages/[^/]+/test/" },
      to: { path: "(^|/)node_modules/(@scure/bip39|micro-key-producer)/" }
    },
    {
      name: "offline-keys-only-in-wallet-cli",
      severity: "error",
      comment: "Only the CLI's offline wallet commands (and tests, benchmarks) may use the mnemonic module.",
      from: { path: "^packages/", pathNot: "^packages/app/src/cli/Wallet\\.ts$|^packages/[^/]+/(test|bench)/|^packages/adapters-chain/src/derive/Offline\\.ts$" },
      to: { path: "^packages/adapters-chain/src/derive/Offline\\.ts$" }
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve hides a dependency from these rules.",
      from: {},
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "^packages/[^/]+/(dist|dist-bench|reports|coverage)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["@tokenshop/source", "import", "require", "node", "default"],
      mainFields: ["module", "main", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".d.ts", ".json"]
    },
    reporterOptions: { text: { highlightFocused: true } }
  }
}
