/** How assets are named to people, paid to (the QR code's URI), and looked up (block explorers). */
import { type Asset, assetInfo, type CryptoAmount, formatCrypto, type Network } from "@tokenshop/domain"
import { escapeHtml } from "./Screens.js"

const networkNames: Record<Network, string> = {
  bitcoin: "Bitcoin", litecoin: "Litecoin", dogecoin: "Dogecoin", solana: "Solana", ethereum: "Ethereum", bsc: "BNB Chain", tron: "TRON"
}

/** "BTC", or "USDT · Ethereum" for a token, so nobody sends on the wrong network. */
export const assetLabel = (asset: Asset): string => {
  const info = assetInfo(asset)
  return info.stablecoin ? `${info.symbol} · ${networkNames[info.network]}` : info.symbol
}

const schemes: Partial<Record<Network, string>> = { bitcoin: "bitcoin", litecoin: "litecoin", dogecoin: "dogecoin", solana: "solana", ethereum: "ethereum" }

/** What the QR code holds: a payment URI for native coins (BIP 21 style, with the amount when fixed), else the bare address. */
export const paymentUri = (asset: Asset, address: string, amount: CryptoAmount | null): string => {
  const info = assetInfo(asset)
  if (info.stablecoin) return address
  if (info.network === "bsc") return `ethereum:${address}@56`
  const scheme = schemes[info.network]
  if (scheme === undefined) return address
  const withAmount = amount !== null && info.network !== "ethereum"
  return `${scheme}:${address}${withAmount ? `?amount=${formatCrypto(amount).split(" ")[0]}` : ""}`
}

const explorers: Record<Network, string> = {
  bitcoin: "https://mempool.space/tx/",
  litecoin: "https://litecoinspace.org/tx/",
  dogecoin: "https://dogechain.info/tx/",
  solana: "https://solscan.io/tx/",
  ethereum: "https://etherscan.io/tx/",
  bsc: "https://bscscan.com/tx/",
  tron: "https://tronscan.org/#/transaction/"
}
export const explorerLink = (asset: Asset, txid: string): string => `${explorers[assetInfo(asset).network]}${encodeURIComponent(txid)}`

/** A transaction id as an HTML link to its block explorer, shortened for reading. */
export const txLink = (asset: Asset, txid: string): string =>
  `<a href="${escapeHtml(explorerLink(asset, txid))}">${escapeHtml(txid.slice(0, 16))}…</a>`

