#!/usr/bin/env node
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import { runCli } from "./cli/Cli.js"

runCli(process.argv).pipe(
  Effect.provide(NodeContext.layer),
  Effect.catchAll(() => Effect.sync(() => {
    process.exitCode = process.exitCode ?? 1
  })),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
