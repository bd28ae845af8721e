/**
 * For the fault tests: a proxy in front of anvil (so FakeServer's fault switches apply, and a test
 * can replace one answer), and a fake node instead of anvil serving one block with the awkward cases
 * a real node rarely shows: a reverted payment, a removed log, a log of an unknown contract, an
 * ERC-721 Transfer (same event signature, four topics), a zero value, a log of another block.
 */
import { type Address, encodeAbiParameters, type Hash, pad, toEventSelector, toHex } from "viem"
import { type FakeAnswer, FakeServer } from "../../src/testing/FakeServer.js"

export const rpcMethod = (body: string): { readonly method: string; readonly params: ReadonlyArray<unknown> } => {
  const parsed = JSON.parse(body) as { method: string; params?: ReadonlyArray<unknown> }
  return { method: parsed.method, params: parsed.params ?? [] }
}

/** Forwards every request to `target`, unless `replace` answers it first. */
export const proxyTo = async (target: string, replace: (method: string) => FakeAnswer | undefined = () => undefined) => {
  const server = new FakeServer(async (request) => {
    const replaced = replace(rpcMethod(request.body).method)
    if (replaced !== undefined) return replaced
    const answer = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: request.body })
    return { status: answer.status, body: await answer.text() }
  })
  await server.start()
  return server
}

const hash = (n: number): Hash => pad(toHex(n), { size: 32 })
const transferTopic = toEventSelector("Transfer(address,address,uint256)")
const topicOf = (address: Address) => pad(address.toLowerCase() as Address, { size: 32 })

export interface FakeBlockSetup {
  readonly ours: Address
  readonly stranger: Address
  readonly usdt: Address
  readonly usdc: Address
  readonly unknownToken: Address
}

/** Block 5 with the transactions 0x…01 to 0x…05 and the logs of transactions 0x…06 to 0x…0b; 0x…0c is pending. */
export const fakeEvmNode = async (s: FakeBlockSetup) => {
  const blockHash = hash(5005)
  const tx = (n: number, to: Address | null, value: bigint) => ({
    hash: hash(n), from: s.stranger, to, value: toHex(value), blockHash, blockNumber: "0x5", transactionIndex: toHex(n - 1),
    nonce: toHex(n), gas: "0x5208", gasPrice: "0x1", input: "0x", type: "0x0", chainId: "0x1", v: "0x25", r: hash(1), s: hash(2)
  })
  const log = (n: number, address: Address, topics: ReadonlyArray<Hash>, value: bigint, extra: Record<string, unknown> = {}) => ({
    address, topics, data: encodeAbiParameters([{ type: "uint256" }], [value]), blockHash, blockNumber: "0x5",
    transactionHash: hash(n), transactionIndex: toHex(n - 1), logIndex: toHex(n - 6), removed: false, ...extra
  })
  const transfer = [transferTopic, topicOf(s.stranger), topicOf(s.ours)] as const
  const transactions = [
    tx(1, s.ours, 10n ** 18n), // reverted
    tx(2, s.ours, 0n),
    tx(3, null, 5n), // a contract creation
    tx(4, s.ours.toLowerCase() as Address, 10n ** 16n), // paid
    tx(5, s.stranger, 1n)
  ]
  const logs = [
    log(6, s.usdt, transfer, 5_000_000n, { removed: true }),
    log(7, s.unknownToken, transfer, 5_000_000n),
    log(8, s.usdt, [...transfer, hash(77)], 0n, { data: "0x" }), // an NFT's Transfer: the token id is its fourth topic
    log(9, s.usdc, transfer, 7_000_000n), // paid, log index 3
    log(10, s.usdt, transfer, 0n),
    log(11, s.usdt, transfer, 2_000_000n, { blockHash: hash(9999) })
  ]
  const receipt = (n: number, status: "0x0" | "0x1") => ({
    transactionHash: hash(n), blockHash, blockNumber: "0x5", transactionIndex: toHex(n - 1), from: s.stranger, to: s.ours,
    status, logs: [], logsBloom: pad("0x0", { size: 256 }), gasUsed: "0x5208", cumulativeGasUsed: "0x5208", effectiveGasPrice: "0x1",
    contractAddress: null, type: "0x0"
  })
  const block = { number: "0x5", hash: blockHash, parentHash: hash(5004), timestamp: "0x1", transactions }
  const answers: Record<string, (params: ReadonlyArray<unknown>) => unknown> = {
    eth_blockNumber: () => "0xzz",
    eth_getBlockByNumber: (p) => p[0] === "0x5" ? block : null,
    eth_getLogs: () => logs,
    eth_getTransactionReceipt: (p) =>
      p[0] === hash(1) ? receipt(1, "0x0") : p[0] === hash(4) ? receipt(4, "0x1") : p[0] === hash(9) ? { ...receipt(9, "0x1"), logs: [logs[3]] } : null,
    eth_getTransactionByHash: (p) =>
      p[0] === hash(12) ? { ...tx(12, s.ours, 1n), blockHash: null, blockNumber: null, transactionIndex: null } : null
  }
  const server = new FakeServer((request) => {
    const { method, params } = rpcMethod(request.body)
    const id = (JSON.parse(request.body) as { id: number }).id
    const answer = answers[method]
    return { body: answer === undefined ? { jsonrpc: "2.0", id, error: { code: -32601, message: "no such method" } } : { jsonrpc: "2.0", id, result: answer(params) } }
  })
  await server.start()
  return { server, blockHash, hash }
}
