import * as Layer from "effect/Layer"
import { Cart } from "./Cart.js"
import { Catalog } from "./Catalog.js"
import { Checkout } from "./Checkout.js"
import { Ledger } from "./Ledger.js"
import { Payments } from "./Payments.js"
import { Refunds } from "./Refunds.js"
import { Statistics } from "./Statistics.js"
import { Users } from "./Users.js"
import { Withdrawals } from "./Withdrawals.js"

/**
 * Every use case of the shop, built over the ports. Provide it with storage, a notifier,
 * a payment gateway, a wallet, an address validator, a price source and a ShopConfig.
 */
export const ShopLive = Layer.mergeAll(
  Ledger.layer,
  Catalog.layer,
  Cart.layer,
  Checkout.layer,
  Refunds.layer,
  Payments.layer,
  Withdrawals.layer,
  Statistics.layer
).pipe(Layer.provideMerge(Users.layer))
