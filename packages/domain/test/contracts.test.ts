import {
  AddressValidatorMemory,
  addressValidatorContract,
  notifierContract,
  NotifierMemory,
  PaymentGatewayMemory,
  paymentGatewayContract,
  PriceSourceMemory,
  priceSourceContract,
  StorageMemory,
  storageContracts,
  updateInboxContract,
  WalletProcessorMemory,
  walletProcessorContract
} from "../src/testing/index.js"
import { UpdateInbox } from "../src/UpdateInbox.js"

storageContracts("memory", StorageMemory)
updateInboxContract("memory", UpdateInbox.memory())
notifierContract("memory", NotifierMemory)
paymentGatewayContract("memory", PaymentGatewayMemory())
walletProcessorContract("memory", WalletProcessorMemory({ ETH: 10n ** 18n }), {
  asset: "ETH",
  destination: "0x52908400098527886E0F7030069857D2E4169EE7",
  scope: { kind: "all" }
})
addressValidatorContract("memory", AddressValidatorMemory, {
  valid: [
    ["BTC", "bc1qxquy5w247rw0natp4ts4nz9agm4s9z24p0tl7u"],
    ["BTC", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"],
    ["LTC", "ltc1qg82tv8t5n5a5h0w6gxrfz7ydjd5l4l5k2y8qjv"],
    ["ETH", "0x52908400098527886E0F7030069857D2E4169EE7"],
    ["USDT_TRC20", "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"],
    ["SOL", "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV"]
  ],
  invalid: [["BTC", "bc1-not-an-address"], ["ETH", "0x1234"], ["USDT_TRC20", "0x52908400098527886E0F7030069857D2E4169EE7"], ["SOL", "O0Il"]]
})
priceSourceContract("memory", PriceSourceMemory(), [["BTC", "USD"], ["USDT_TRC20", "USD"]])

