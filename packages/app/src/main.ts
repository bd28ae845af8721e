#!/usr/bin/env node
import * as PlatformConfigProvider from "@effect/platform/PlatformConfigProvider"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { runCli } from "./cli/Cli.js"
import { envFile } from "./EnvFile.js"

// Settings: the environment, then the .env file (see EnvFile.ts).
runCli(process.argv).pipe(
  Effect.provide(PlatformConfigProvider.layerDotEnvAdd(envFile()).pipe(Layer.provideMerge(NodeContext.layer))),
  Effect.catchAll(() => Effect.sync(() => {
    process.exitCode = process.exitCode ?? 1
  })),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
