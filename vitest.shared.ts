import { defaultServerConditions } from "vite"
import { defineConfig } from "vitest/config"

/** Workspace packages resolve to their TypeScript sources, so tests need no build step. */
const conditions = ["@tokenshop/source", ...defaultServerConditions]

export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
