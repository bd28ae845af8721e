import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import { checkShopCurrency } from "@tokenshop/domain"
import * as Effect from "effect/Effect"
import { CliShop, cliShop, ConfiguredDeriver, LookupCliShop } from "../Shop.js"
import { start } from "../Start.js"
import { addressAdd, addressList, addressRemove } from "./AddressBook.js"
import { depositCreditTx } from "./ChainCredit.js"
import { auditVerify } from "./Audit.js"
import { adjust, backup, migrate, refund, rotateKeys, setPrice, showUser, stats } from "./Commands.js"
import { importFile } from "./ImportFile.js"
import { removeItems, stock } from "./Inventory.js"
import { restore } from "../backup/Restore.js"
import { backupConfig } from "../backup/BackupSchedule.js"
import { envFile } from "../EnvFile.js"
import { configCheck } from "./ConfigCheck.js"
import { migrateFromCommand } from "./MoveIn.js"
import { copyDataCommand } from "./CopyData.js"
import { reportFailures } from "./Output.js"
import { Stdin } from "./Stdin.js"
import { cliConsole } from "./Terminal.js"
import { chains, type ChainFlag, walletAddress, walletImportSolPool, walletSolPool, walletXpub } from "./Wallet.js"

/** Opens the configured database (migrating it) only for the command that runs, never for --help. */
/** A command over the shop; refused (naming what is priced otherwise) when SHOP_CURRENCY no longer fits the stored shop. */
const withShop = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  reportFailures(Effect.provide(Effect.zipRight(checkShopCurrency, self), CliShop))
/** `withShop` with the configured chain lookup (a node read on demand), for crediting a transaction by its hash. */
const withLookupShop = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  reportFailures(Effect.provide(Effect.zipRight(checkShopCurrency, self), LookupCliShop))
/** The commands that must work whatever the currency: the schema, a backup, and repricing into the new currency. */
const withShopAsIs = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  reportFailures(Effect.provide(self, CliShop))

const migrateCommand = Command.make("migrate", {}, () => withShopAsIs(migrate)).pipe(
  Command.withDescription("Create or update the database schema (SQLite file or DATABASE_URL).")
)

const importCommand = Command.make(
  "import",
  {
    file: Args.file({ name: "FILE" }).pipe(Args.withDescription("a .json or .txt inventory file")),
    allowDuplicates: Options.boolean("allow-duplicates").pipe(
      Options.withDescription("import items whose private data is already unsold in the shop or repeated in the file (they could be sold twice)")
    )
  },
  ({ allowDuplicates, file }) => withShop(importFile(file, allowDuplicates))
).pipe(Command.withDescription(
  "Import items: JSON [{category, subcategory, price, description, private_data}] or TXT lines CATEGORY;SUBCATEGORY;DESCRIPTION;PRICE;PRIVATE_DATA. All or nothing; private data already unsold or repeated is refused."
))

const userId = Args.text({ name: "TELEGRAM_ID" }).pipe(Args.withDescription("the user's Telegram id"))
const amount = Args.text({ name: "AMOUNT" }).pipe(Args.withDescription("in the shop's currency, e.g. 12.50"))
const reason = Options.text("reason").pipe(Options.withDescription("why (recorded with the entry)"))
const key = Options.text("key").pipe(
  Options.optional,
  Options.withDescription("an idempotency key: running the command again with it changes nothing (default: the command itself, for today)")
)
const repeat = Options.boolean("repeat").pipe(
  Options.withDescription("make a second, identical adjustment today (a re-run without it changes nothing)")
)

const create = Options.boolean("create").pipe(
  Options.withDescription("register the buyer by their Telegram id first when they have never opened the bot")
)

const creditCommand = Command.make("credit", { id: userId, amount, reason, key, repeat, create }, ({ amount, create, id, key, reason, repeat }) =>
  withShop(adjust("credit", id, amount, reason, key, repeat, create))).pipe(Command.withDescription("Add to a user's balance."))

const debitCommand = Command.make("debit", { id: userId, amount, reason, key, repeat }, ({ amount, id, key, reason, repeat }) =>
  withShop(adjust("debit", id, amount, reason, key, repeat))).pipe(Command.withDescription("Take from a user's balance (never below zero)."))

const userCommand = Command.make("user").pipe(
  Command.withDescription("Balances and details of a user."),
  Command.withSubcommands([
    creditCommand,
    debitCommand,
    Command.make("show", { id: userId }, ({ id }) => withShop(showUser(id))).pipe(
      Command.withDescription("Profile, balance and recent purchases.")
    )
  ])
)

const refundCommand = Command.make(
  "refund",
  { id: Args.text({ name: "BUY_ID" }).pipe(Args.withDescription("the purchase number")) },
  ({ id }) => withShop(refund(id))
).pipe(Command.withDescription("Refund a purchase to the buyer's balance, once. The items stay sold."))

const statsCommand = Command.make(
  "stats",
  { days: Options.integer("days").pipe(Options.withDefault(30), Options.withDescription("how many days back")) },
  ({ days }) => withShop(stats(days))
).pipe(Command.withDescription("Sales, refunds, deposits and new users over the last days."))

const backupCommand = Command.make(
  "backup",
  {
    out: Args.text({ name: "OUT_FILE" }).pipe(Args.withDescription("where to write the copy (must not exist)"), Args.optional),
    scheduled: Options.boolean("scheduled").pipe(
      Options.withDescription("instead of OUT_FILE: one round of the scheduled backups (into BACKUP_DIR, keeping the newest BACKUP_KEEP), e.g. from cron")
    )
  },
  ({ out, scheduled }) => reportFailures(Effect.zipRight(scheduled ? Effect.asVoid(backupConfig) : Effect.void, Effect.provide(backup(out, scheduled), CliShop)))
).pipe(Command.withDescription("A consistent copy of the SQLite database, safe while the shop runs; 0600, encrypted when the database is."))

const configCommand = Command.make("config").pipe(
  Command.withDescription("The settings (environment, then .env) the shop runs with."),
  Command.withSubcommands([
    Command.make("check", {}, () => reportFailures(configCheck(envFile()))).pipe(
      Command.withDescription("Check every setting at once; show the database, the settings file and which features are on (never a secret).")
    )
  ])
)

const restoreCommand = Command.make(
  "restore",
  { file: Args.text({ name: "BACKUP_FILE" }).pipe(Args.withDescription("a file written by tokenshop backup")) },
  ({ file }) => reportFailures(restore(file))
).pipe(Command.withDescription("Put a backup back as the SQLite database (the shop must be stopped); the replaced one is kept aside."))

const priceCommand = Command.make("price").pipe(
  Command.withDescription("Prices of unsold items."),
  Command.withSubcommands([
    Command.make("set", {
      id: Args.text({ name: "SUBCATEGORY_ID" }).pipe(Args.withDescription("the subcategory (its number, as the admin menu and errors show it)")),
      price: Args.text({ name: "PRICE" }).pipe(Args.withDescription("the new price in the shop's currency, e.g. 4.99"))
    }, ({ id, price }) => withShopAsIs(setPrice(id, price))).pipe(
      Command.withDescription("Set the price of every unsold item of a subcategory (sold items keep theirs).")
    )
  ])
)

const stockCommand = Command.make("stock", {}, () => withShop(stock)).pipe(
  Command.withDescription("Unsold items per category and subcategory, with the subcategories' ids and next prices.")
)

const itemCommand = Command.make("item").pipe(
  Command.withDescription("Single items of the inventory."),
  Command.withSubcommands([
    Command.make("remove", {
      ids: Options.text("id").pipe(Options.repeated, Options.withDescription("an unsold item to remove (repeat for more); ids show in the admin menu")),
      subcategory: Options.text("subcategory").pipe(Options.optional, Options.withDescription("remove every unsold item of this subcategory"))
    }, ({ ids, subcategory }) => withShop(removeItems(ids, subcategory))).pipe(
      Command.withDescription("Remove unsold items, by id or all of a subcategory's; sold items and sales history stay.")
    )
  ])
)

const auditCommand = Command.make("audit").pipe(
  Command.withDescription("The tamper-evident log of every money move."),
  Command.withSubcommands([
    Command.make("verify", {
      head: Options.text("head").pipe(Options.optional, Options.withDescription("a head noted earlier (SEQ:HASH, as verify prints it): the chain must still hold it"))
    }, ({ head }) => withShopAsIs(auditVerify(head))).pipe(
      Command.withDescription(
        "Seal what is pending, then check every ledger entry, withdrawal and goods reveal against the chain, every balance against its ledger entries and every purchase total against its items (exit code 1 on any problem)."
      )
    )
  ])
)

const keysCommand = Command.make("keys").pipe(
  Command.withDescription("The key delivered goods are encrypted with at rest."),
  Command.withSubcommands([
    Command.make("rotate", {}, () => withShopAsIs(rotateKeys)).pipe(
      Command.withDescription("Re-encrypt every stored good under GOODS_ENCRYPTION_KEY (older keys in GOODS_ENCRYPTION_KEYS_OLD), in batches, while the shop runs.")
    )
  ])
)

const assetArg = Args.text({ name: "ASSET" }).pipe(Args.withDescription("BTC, LTC, ETH, USDT_ERC20, USDC_ERC20, USDT_TRC20, SOL, ..."))
const addressArg = Args.text({ name: "ADDRESS" }).pipe(Args.withDescription("checked for the asset's network (format and checksum)"))
const addressCommand = Command.make("address").pipe(
  Command.withDescription("The withdrawal address book: withdrawals from the bot go only to these."),
  Command.withSubcommands([
    Command.make("add", {
      asset: assetArg,
      address: addressArg,
      label: Options.text("label").pipe(Options.withDefault(""), Options.withDescription("a name to show with it"))
    }, ({ address, asset, label }) => withShop(addressAdd(asset, address, label))).pipe(
      Command.withDescription("Add an address, usable at once (from Telegram an address waits WITHDRAWAL_ADDRESS_DELAY_HOURS).")
    ),
    Command.make("list", {}, () => withShop(addressList)).pipe(Command.withDescription("Every address, with who added it and from when it is usable.")),
    Command.make("remove", { asset: assetArg, address: addressArg }, ({ address, asset }) => withShop(addressRemove(asset, address))).pipe(
      Command.withDescription("Remove an address: withdrawals to it are refused, pending approvals to it fail.")
    )
  ])
)

const depositCommand = Command.make("deposit").pipe(
  Command.withDescription("Deposits to the buyers' own addresses."),
  Command.withSubcommands([
    Command.make("credit-tx", { hash: Args.text({ name: "HASH" }).pipe(Args.withDescription("the Ethereum transaction's hash: 0x and 64 hex digits")) }, ({ hash }) =>
      withLookupShop(depositCreditTx(hash))).pipe(
      Command.withDescription("Credit what an Ethereum transaction pays to buyers' addresses (ETH a contract sent, which the watchers do not see), read from the node; once.")
    )
  ])
)

const startCommand = Command.make("start", {}, () => reportFailures(start)).pipe(
  Command.withDescription("Run the shop on Telegram (BOT_TOKEN; TELEGRAM_API_ROOT for another Bot API server).")
)

const chain = Options.choice("chain", Object.keys(chains) as Array<ChainFlag>).pipe(Options.withDescription("btc, ltc, eth or tron"))
/** Offline commands read the mnemonic from standard input; tests provide their own Stdin. */
const offline = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  reportFailures(Effect.serviceOption(Stdin).pipe(Effect.flatMap((s) => s._tag === "Some" ? self : Effect.provide(self, Stdin.live)))) as Effect.Effect<void, never, Exclude<R, Stdin>>

const walletCommand = Command.make("wallet").pipe(
  Command.withDescription("Deposit addresses: keys for an offline machine, the Solana pool, and checks."),
  Command.withSubcommands([
    Command.make("xpub", { chain }, ({ chain }) => offline(walletXpub(chain))).pipe(
      Command.withDescription("OFFLINE: print the account public key to configure (BTC_XPUB, ...) from a mnemonic read from standard input.")
    ),
    Command.make("sol-pool", {
      count: Options.integer("count").pipe(Options.withDescription("how many addresses")),
      from: Options.integer("from").pipe(Options.withDefault(0), Options.withDescription("first account index (the next free one after an earlier pool)"))
    }, ({ count, from }) => offline(walletSolPool(count, from))).pipe(
      Command.withDescription("OFFLINE: print COUNT Solana deposit addresses (public only) from a mnemonic read from standard input.")
    ),
    Command.make("import-sol-pool", { file: Args.file({ name: "FILE", exists: "yes" }).pipe(Args.withDescription("one Solana address a line")) }, ({ file }) =>
      withShop(walletImportSolPool(file))).pipe(Command.withDescription("Add Solana deposit addresses to the pool the shop gives out in order.")),
    Command.make("address", { chain, index: Options.integer("index").pipe(Options.withDescription("the derivation index")) }, ({ chain, index }) =>
      reportFailures(Effect.provide(walletAddress(chain, index), cliShop(ConfiguredDeriver)))).pipe(
      Command.withDescription("The address the configured account public key gives at INDEX, to compare with your own wallet.")
    )
  ])
)

export const tokenshop = Command.make("tokenshop").pipe(
  Command.withDescription("Run and operate a tokenshop. Configuration comes from the environment (docs/operations.md)."),
  Command.withSubcommands([
    startCommand, migrateCommand, importCommand, stockCommand, itemCommand, userCommand, refundCommand, priceCommand, statsCommand, backupCommand, restoreCommand, auditCommand, configCommand,
    keysCommand, walletCommand,
    addressCommand, depositCommand, migrateFromCommand, copyDataCommand
  ])
)

const run = Command.run(tokenshop, { name: "tokenshop", version: "0.1.0" })

/** Runs the command line over `argv` (node, script, words...), with plain help and one-line parse errors. */
export const runCli = (argv: ReadonlyArray<string>) =>
  Effect.flatMap(cliConsole(argv.slice(2)), (console) => Effect.withConsole(run(argv), console))
