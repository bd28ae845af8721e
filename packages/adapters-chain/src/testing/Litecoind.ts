/**
 * A real `litecoind -regtest` for tests: free loopback ports, a temporary datadir, -txindex=1 and no
 * wallet. `rpc` answers parsed with lossless-json (numbers are LosslessNumber; use `int` and
 * `units`). `stop` asks the node to stop, kills it if it lingers past a second, and removes the
 * datadir.
 *
 * Coins are sent without the node's wallet by `RegtestWallet`: a key of our own, its P2WPKH
 * address (rltc1…), coinbase outputs mined to it, and transactions built and signed with
 * @scure/btc-signer, so a transaction can do what wallet RPCs refuse (two outputs to one address).
 */
import { secp256k1 } from "@noble/curves/secp256k1.js"
import { hex } from "@scure/base"
import { p2wpkh, Transaction } from "@scure/btc-signer"
import type { BTC_NETWORK } from "@scure/btc-signer/utils.js"
import * as Either from "effect/Either"
import { isLosslessNumber, parse } from "lossless-json"
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { coinsToUnits } from "../watchers/bitcoin/CoreJson.js"
import { freePort } from "./Ports.js"

/** Litecoin regtest: Bech32 "rltc", Base58 0x6f / 0x3a, WIF 0xef. */
export const LTC_REGTEST: BTC_NETWORK = { bech32: "rltc", pubKeyHash: 0x6f, scriptHash: 0x3a, wif: 0xef }

export const int = (x: unknown): number => Number(isLosslessNumber(x) ? x.value : String(x))
export const units = (x: unknown): bigint => Either.getOrThrow(coinsToUnits(isLosslessNumber(x) ? x.value : String(x)))

export interface Litecoind {
  readonly url: string
  readonly cookieFile: string
  readonly rpc: (method: string, params?: ReadonlyArray<unknown>) => Promise<unknown>
  readonly stop: () => Promise<void>
}

/**
 * Why litecoind cannot run here, or null. Tests that need it skip with this reason outside CI (a
 * developer's machine may lack it); in CI (CI=true), where .ci/run installs it, they run and fail.
 */
export const litecoindMissing = (): string | null => {
  const probe = spawnSync("litecoind", ["-version"], { stdio: "ignore" })
  if (probe.error === undefined && probe.status === 0) return null
  return process.env["CI"] === "true" ? null : "litecoind is not installed (Debian: apt-get install litecoind; .ci/run installs it)"
}

export const startLitecoind = async (): Promise<Litecoind> => {
  const datadir = await mkdtemp(join(tmpdir(), "litecoind-"))
  const [rpcPort, p2pPort] = [await freePort(), await freePort()]
  const child: ChildProcess = spawn("litecoind", [
    "-regtest", `-datadir=${datadir}`, "-server", "-rpcbind=127.0.0.1", "-rpcallowip=127.0.0.1", `-rpcport=${rpcPort}`, `-port=${p2pPort}`,
    "-listen=0", "-txindex=1", "-disablewallet=1", "-fallbackfee=0.0001", "-printtoconsole=0", "-dnsseed=0", "-upnp=0"
  ], { stdio: ["ignore", "ignore", "pipe"] })
  let exited = false
  let stderr = ""
  const exit = new Promise<void>((resolve) => {
    child.once("exit", () => resolve())
    child.once("error", (e) => { // not installed, say
      stderr += e.message
      resolve()
    })
  })
  void exit.then(() => void (exited = true))
  child.stderr?.on("data", (d: Buffer) => void (stderr += d.toString()))
  const url = `http://127.0.0.1:${rpcPort}`
  const cookieFile = join(datadir, "regtest", ".cookie")

  const rpc = async (method: string, params: ReadonlyArray<unknown> = []): Promise<unknown> => {
    const cookie = (await readFile(cookieFile, "utf8")).trim()
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(cookie).toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "1.0", id: 1, method, params })
    })
    const answer = parse(await response.text()) as { result: unknown; error: { message: string } | null }
    if (answer.error !== null) throw new Error(`${method}: ${answer.error.message}`)
    return answer.result
  }

  const stop = async () => {
    if (!exited) {
      await rpc("stop").catch(() => undefined)
      // A node waits for idle keep-alive connections (fetch keeps them 4 s) before it exits; its
      // datadir is thrown away, so an unclean end costs nothing.
      const timer = setTimeout(() => child.kill("SIGKILL"), 1000)
      await exit
      clearTimeout(timer)
    }
    await rm(datadir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 20_000
  for (;;) {
    if (exited) {
      await rm(datadir, { recursive: true, force: true })
      throw new Error(`litecoind exited: ${stderr.slice(0, 500)}`)
    }
    const ready = await rpc("getblockcount").then(() => true, () => false)
    if (ready) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error("litecoind did not answer within 20 s")
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return { url, cookieFile, rpc, stop }
}

/** The fields of `getblock <hash> 2` the tests read (numbers are LosslessNumber). */
export interface RawBlock {
  readonly hash: string
  readonly height: unknown
  readonly tx: ReadonlyArray<{ readonly txid: string; readonly vout: ReadonlyArray<{ readonly value: unknown; readonly n: unknown }> }>
}

export interface Coin {
  readonly txid: string
  readonly vout: number
  readonly units: bigint
  readonly height: number
}

/** A key of our own with the coinbase outputs mined to it. */
export class RegtestWallet {
  readonly secret = secp256k1.utils.randomSecretKey()
  readonly payment = p2wpkh(secp256k1.getPublicKey(this.secret, true), LTC_REGTEST)
  readonly address = this.payment.address!
  private readonly coins: Array<Coin> = []

  constructor(private readonly node: Litecoind) {}

  /** Mines `n` blocks paying `to` (default: this wallet, whose coinbases are recorded); their hashes. */
  async mine(n: number, to: string = this.address): Promise<ReadonlyArray<string>> {
    const hashes = (await this.node.rpc("generatetoaddress", [n, to])) as Array<string>
    if (to === this.address) {
      for (const hash of hashes) {
        const block = (await this.node.rpc("getblock", [hash, 2])) as RawBlock
        const coinbase = block.tx[0]!
        this.coins.push({ txid: coinbase.txid, vout: 0, units: units(coinbase.vout[0]!.value), height: int(block.height) })
      }
    }
    return hashes
  }

  /** A signed transaction spending one mature coinbase (the oldest unless `coin` is given), change back to us. */
  async build(outputs: ReadonlyArray<{ readonly address: string; readonly units: bigint }>, coin?: Coin, fee = 100_000n) {
    const tip = int(await this.node.rpc("getblockcount"))
    const spend = coin ?? this.coins.find((c) => c.height + 100 <= tip)
    if (spend === undefined) throw new Error("no mature coin")
    if (coin === undefined) this.coins.splice(this.coins.indexOf(spend), 1)
    const tx = new Transaction()
    tx.addInput({ txid: hex.decode(spend.txid), index: spend.vout, witnessUtxo: { script: this.payment.script, amount: spend.units } })
    let paid = 0n
    for (const o of outputs) {
      tx.addOutputAddress(o.address, o.units, LTC_REGTEST)
      paid += o.units
    }
    tx.addOutputAddress(this.address, spend.units - paid - fee, LTC_REGTEST)
    tx.sign(this.secret)
    tx.finalize()
    return { txid: tx.id, hex: tx.hex, coin: spend }
  }

  /** Builds and broadcasts; the txid and the coin it spent. */
  async send(outputs: ReadonlyArray<{ readonly address: string; readonly units: bigint }>, coin?: Coin) {
    const built = await this.build(outputs, coin)
    const txid = (await this.node.rpc("sendrawtransaction", [built.hex])) as string
    if (txid !== built.txid) throw new Error(`the node named the transaction ${txid}, not ${built.txid}`)
    return built
  }
}
