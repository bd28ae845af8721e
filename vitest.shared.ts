import { defineConfig } from "vitest/config"

/** Resolve workspace packages to their TypeScript sources, so tests need no build step. */
const conditions = ["@tokenshop/source", "node", "import", "module", "default"]

export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@tokenshop/source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
