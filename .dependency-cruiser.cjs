/**
 * The hexagon's dependency rule, checked in `npm test`:
 * - the domain's runtime code imports nothing but `effect`;
 *   its contract suites may also import the test framework (@effect/vitest, vitest);
 * - an adapter never imports another adapter;
 * - only `app` imports adapters, and nothing imports `app`.
 * Paths are relative to the directory depcruise runs in (the repository root).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-only-effect",
      severity: "error",
      comment: "packages/domain is pure: it may import only effect (and its own files).",
      from: { path: "^packages/domain/src/", pathNot: "^packages/domain/src/testing/(contracts/|properties\\.ts$)" },
      to: { pathNot: ["^packages/domain/src/", "(^|/)node_modules/effect/"] }
    },
    {
      name: "domain-contracts-only-effect-and-vitest",
      severity: "error",
      comment: "The contract and property suites may add the test framework, nothing else.",
      from: { path: "^packages/domain/src/testing/(contracts/|properties\\.ts$)" },
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
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve hides a dependency from these rules.",
      from: {},
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "(^|/)(node_modules|dist|reports|coverage)/" },
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
