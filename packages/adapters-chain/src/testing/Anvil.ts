/**
 * A real Ethereum node for tests: anvil (from the @foundry-rs/anvil package) on a free loopback
 * port, chain id 31337, without automatic mining (the test mines each block itself), and one slot
 * per epoch, so that its finalized block is the tip less 2. Test-only code: it signs with anvil's
 * well-known funded account.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { type Address, createTestClient, encodeFunctionData, type Hash, http, publicActions, walletActions } from "viem"
import { mnemonicToAccount } from "viem/accounts"
import { foundry } from "viem/chains"
import { freePort } from "./Ports.js"
import { testTokenAbi, testTokenBytecode } from "./TestToken.js"

/** anvil's public test mnemonic: its funded accounts. Never use it anywhere else. */
export const anvilMnemonic = "test test test test test test test test test test test junk"
/** anvil's second default account: a stranger to the shop. */
export const strangerAddress = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const

const makeClient = (url: string, addressIndex = 0) =>
  createTestClient({ mode: "anvil", chain: foundry, transport: http(url, { retryCount: 0 }), account: mnemonicToAccount(anvilMnemonic, { addressIndex }) })
    .extend(publicActions)
    .extend(walletActions)

export interface Sent {
  readonly hash: Hash
  readonly raw: `0x${string}`
}

export interface Anvil {
  readonly url: string
  readonly stop: () => Promise<void>
  /** Mines `blocks` blocks with whatever is pending. */
  readonly mine: (blocks?: number) => Promise<void>
  readonly height: () => Promise<number>
  /** Deploys a TestToken minting `supply` units to anvil's account; returns its address. */
  readonly deployToken: (symbol: string, supply: bigint) => Promise<Address>
  /** Sends ETH; `raw` is the signed transaction, to send the same bytes again after a reorganisation. */
  readonly pay: (to: Address, value: bigint) => Promise<Sent>
  readonly payToken: (token: Address, to: Address, units: bigint) => Promise<Sent>
  /**
   * A token payment signed by the stranger (anvil's second account, which needs tokens first) with a
   * priority fee of `tipGwei`: mined ahead of the cheaper transactions of the same block.
   */
  readonly strangerPaysToken: (token: Address, to: Address, units: bigint, tipGwei: bigint) => Promise<Sent>
  /** One token transaction paying `amounts[i]` to `to[i]` (one Transfer event each). */
  readonly batch: (token: Address, to: ReadonlyArray<Address>, amounts: ReadonlyArray<bigint>) => Promise<Sent>
  readonly sendRaw: (raw: `0x${string}`) => Promise<Hash>
  /** Deploys a contract whose creation code is `bytecode`; returns its address. */
  readonly deployCode: (bytecode: `0x${string}`) => Promise<Address>
  /** A transaction calling `to` with `data`, sending `value` wei along. */
  readonly callWith: (to: Address, data: `0x${string}`, value: bigint) => Promise<Sent>
  /** evm_snapshot and evm_revert: the chain goes back to the snapshot, its later blocks forgotten. */
  readonly snapshot: () => Promise<`0x${string}`>
  readonly revert: (id: `0x${string}`) => Promise<void>
}

const waitForRpc = async (url: string, child: ChildProcess, deadline: number) => {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode}`)
    try {
      const r = await fetch(url, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] })
      })
      if (r.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("anvil did not answer within 20 s")
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The platform's anvil binary itself (the package's bin.mjs wrapper would be one more process to stop), else the wrapper. */
const anvilCommand = (): [string, Array<string>] => {
  const require = createRequire(import.meta.url)
  const arch = process.arch === "x64" ? "amd64" : process.arch
  try {
    return [require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/anvil`), []]
  } catch {
    return [process.execPath, [join(dirname(require.resolve("@foundry-rs/anvil/package.json")), "bin.mjs")]]
  }
}

/** anvil on a free port, answering; another port if the one chosen was taken meanwhile. */
const launch = async (attempt = 1): Promise<{ readonly url: string; readonly stop: () => Promise<void> }> => {
  const [command, prefix] = anvilCommand()
  const port = await freePort()
  const child = spawn(command, [
    ...prefix, "--host", "127.0.0.1", "--port", String(port), "--chain-id", "31337", "--no-mining", "--silent", "--slots-in-an-epoch", "1"
  ], { stdio: "ignore" })
  // Should the test process end without afterAll, anvil ends with it.
  const orphaned = () => void child.kill("SIGKILL")
  process.once("exit", orphaned)
  const url = `http://127.0.0.1:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      process.off("exit", orphaned)
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once("exit", () => resolve())
      child.kill("SIGTERM")
    })
  try {
    await waitForRpc(url, child, Date.now() + 20_000)
    return { url, stop }
  } catch (e) {
    await stop()
    if (attempt < 3 && child.exitCode !== null) return launch(attempt + 1)
    throw e
  }
}

export const startAnvil = async (): Promise<Anvil> => {
  const { stop, url } = await launch()
  const client = makeClient(url)
  const stranger = makeClient(url, 1)
  const mine = (blocks = 1) => client.mine({ blocks })
  type Request = { readonly to: Address; readonly value?: bigint; readonly data?: `0x${string}`; readonly maxPriorityFeePerGas?: bigint }
  const sendAs = async (from: typeof client, request: Request): Promise<Sent> => {
    const raw = await from.signTransaction(await from.prepareTransactionRequest({ ...request, chain: foundry }))
    return { hash: await from.sendRawTransaction({ serializedTransaction: raw }), raw }
  }
  const send = (request: Request) => sendAs(client, request)
  const transfer = (to: Address, units: bigint) => encodeFunctionData({ abi: testTokenAbi, functionName: "transfer", args: [to, units] })
  return {
    url,
    stop,
    mine,
    height: async () => Number(await client.getBlockNumber({ cacheTime: 0 })),
    deployToken: async (symbol, supply) => {
      const hash = await client.deployContract({ abi: testTokenAbi, bytecode: testTokenBytecode, args: [`Test ${symbol}`, symbol, supply] })
      await mine()
      const receipt = await client.getTransactionReceipt({ hash })
      if (receipt.contractAddress === null || receipt.contractAddress === undefined) throw new Error(`${symbol} was not deployed`)
      return receipt.contractAddress
    },
    pay: (to, value) => send({ to, value }),
    payToken: (token, to, units) => send({ to: token, data: transfer(to, units) }),
    strangerPaysToken: (token, to, units, tipGwei) =>
      sendAs(stranger, { to: token, data: transfer(to, units), maxPriorityFeePerGas: tipGwei * 10n ** 9n }),
    batch: (token, to, amounts) =>
      send({ to: token, data: encodeFunctionData({ abi: testTokenAbi, functionName: "batch", args: [[...to], [...amounts]] }) }),
    sendRaw: (signed) => client.sendRawTransaction({ serializedTransaction: signed }),
    deployCode: async (bytecode) => {
      const hash = await client.deployContract({ abi: [], bytecode })
      await mine()
      const receipt = await client.getTransactionReceipt({ hash })
      if (receipt.contractAddress === null || receipt.contractAddress === undefined) throw new Error("the contract was not deployed")
      return receipt.contractAddress
    },
    callWith: (to, data, value) => send({ to, data, value }),
    snapshot: () => client.snapshot(),
    revert: (id) => client.revert({ id })
  }
}
