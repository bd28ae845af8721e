# The buyer's texts in English. Every key here must exist in every other locale file.
# Placeables: { $name } values come from the bot; amounts arrive already formatted.

menu-title = Welcome to { $shop }! Choose what you need:
menu-categories = 🛍 All categories
menu-profile = 👤 My profile
menu-cart = 🛒 Cart
menu-help = ❓ Help
button-back = ⬅️ Back
button-main = 🏠 Main menu
button-previous = ◀️
button-next = ▶️
page-indicator = { $page } / { $pages }

catalog-categories = Choose a category:
catalog-empty = Nothing is for sale right now. Please come back later.
catalog-subcategories = { $category }: choose an item.
catalog-subcategory-line = { $name } · { $price } · { $stock } left
catalog-card =
    <b>{ $category } / { $name }</b>
    { $description }

    Price: { $price }
    In stock: { $stock }
catalog-choose-quantity = How many? Pick a number.
catalog-sold-out = Sold out for now.
catalog-added = Added { $quantity } × { $name } to your cart.
catalog-type-quantity = Type a quantity from 1 to { $max }.

cart-title = Your cart:
cart-line = { $name }: { $quantity } × { $price } = { $total } ({ $stock } in stock)
cart-line-unavailable = { $name }: { $quantity } requested, only { $stock } left
cart-total = Total: { $total }
cart-empty = Your cart is empty.
cart-button-checkout = ✅ Checkout
cart-button-clear = 🗑 Clear cart
cart-button-remove = ✖️ Remove { $name }
cart-cleared = Your cart is empty now.

checkout-confirm =
    Total: { $total }
    Your balance: { $balance }
    Confirm the purchase?
checkout-button-confirm = ✅ Confirm
checkout-button-cancel = ✖️ Cancel
checkout-done = Thank you! Purchase #{ $buy } for { $total } is complete. Your items:
checkout-delivery-file = Your items are in the attached file.
checkout-empty = Your cart is empty: add something first.
checkout-out-of-stock = Only { $available } of { $name } left (you asked for { $requested }). Please change the quantity in your cart.
checkout-insufficient = This costs { $needed } but your balance is { $available }. Top up your balance in My profile, then try again.
checkout-balance-unverified = Your balance needs a check by the shop before you can buy. Nothing was charged, and the shop has been told.
checkout-already = This purchase is already complete.

profile-title =
    <b>My profile</b>
    Topped up: { $topUp }
    Spent: { $consumed }
    Available: { $available }
profile-button-topup = 💰 Top up
profile-button-history = 🧾 Purchase history
profile-button-language = 🌐 Language
topup-not-configured = Topping up is not available yet. Please contact the shop owner.
history-title = Your purchases:
history-empty = You have not bought anything yet.
history-line = #{ $buy } · { $date } · { $quantity } item(s) · { $total }
history-refunded = (refunded)
purchase-title = Purchase #{ $buy } from { $date }, { $total }:
purchase-not-found = This purchase was not found.

language-name = English
language-choose = Choose your language:
language-set = Language set to English.

help-text = Browse the categories, add items to your cart and check out with your balance. Top up in My profile.
slow-down = Slow down a little, please.
banned = Your access to this shop has been blocked.
button-expired = This button has expired. Please open the menu again.
error-generic = Something went wrong (error id { $id }). Please try again later.
admin-purchase = 🛍 Purchase #{ $buy } · { $total }: { $user }
menu-admin = 🛠 Admin
catalog-button-type-quantity = ⌨️ Type a quantity
catalog-button-full-description = 📄 Full description
catalog-description-title = <b>{ $category } / { $name }</b> — full description
prompt-cancel = ✖️ Cancel
prompt-cancelled = Cancelled.

topup-choose = Choose what you will pay with:
topup-open-button = ⏳ Open top-ups ({ $count })
topup-amount-ask =
    How much do you want to top up with { $asset }?
    Type an amount from { $min } to { $max }, with at most two decimals, e.g. 25 or 25.50.
topup-amount-invalid = Please type an amount from { $min } to { $max }, with at most two decimals, e.g. 25.50.
topup-invoice-open =
    <b>Top up with { $asset }</b>
    Send any amount of { $asset } to this address:
    <code>{ $address }</code>
    The first transaction counts. Your balance is credited with its value once the payment service confirms it.
    Valid until { $expires }.
topup-invoice-fixed =
    <b>Top up { $fiat } with { $asset }</b>
    Send exactly <code>{ $amount }</code> to this address:
    <code>{ $address }</code>
    Valid until { $expires }.
topup-button-check = 🔄 Check status
topup-open-title = Your open top-ups:
topup-open-empty = You have no open top-ups.
topup-open-line = { $asset } · until { $expires }
topup-too-many = You already have { $limit } open top-ups. Pay one of them or wait until one expires, then try again.
topup-unavailable = The payment service is unavailable right now. Please try again in a few minutes.
topup-mismatch = This payment does not match what was asked. The shop owner has been told and will look into it.
topup-status-pending = Not paid yet. After you send, it can take a few minutes until the payment is confirmed.
topup-status-expired = This top-up expired unpaid. You can open a new one.
topup-status-paid = ✅ Paid: { $amount } credited. Your balance: { $balance }.
notify-topup-credited = ✅ Your top-up has arrived: { $amount } credited. Available balance: { $balance }.
notify-topup-expired = ⌛ Your { $asset } top-up expired unpaid. You can open a new one in My profile.

admin-title = Admin menu:
admin-button-wallet = 👛 Wallet and withdrawals
wallet-title = Held at the payment processor:
wallet-empty = Nothing is held at the payment processor.
wallet-button-withdraw = Withdraw { $asset }
wallet-unavailable = The wallet cannot be read: { $reason }
withdraw-ask-address = Send the address that should receive the { $asset }.
withdraw-bad-address = That is not a valid { $asset } address ({ $reason }). Send it again, or cancel.
withdraw-preview =
    <b>Withdraw { $asset }</b>
    To: <code>{ $destination }</code>
    Total: { $total }
    Network fee: { $networkFee }
    Service fee: { $serviceFee }
    Received: { $receiving }
    Send it?
withdraw-button-confirm = ✅ Send
withdraw-sending = Sending…
withdraw-done = ✅ Sent { $receiving } to <code>{ $destination }</code>. Transactions:
withdraw-failed = The withdrawal did not go through: { $reason }
admin-deposit = 💰 Deposit #{ $deposit } · user { $user } · { $amount } = { $fiat } · balance { $balance }
admin-payment-mismatch = ⚠️ Payment #{ $payment } of user { $user } ({ $asset }) was paid but NOT credited: { $reason }. Tap below to ask the processor again and credit what arrived.
admin-payment-underpaid = ⚠️ Payment #{ $payment } of user { $user } ({ $asset }) was underpaid: { $credited } credited of { $asked } asked.
notify-topup-underpaid = Your top-up #{ $payment } arrived short: { $credited } of { $asked } was credited to your balance.
button-resolve-payment = ✅ Check and credit
resolve-working = Asking the processor…
resolve-done = Payment #{ $payment }: { $amount } credited to user { $user }.
resolve-already = Payment #{ $payment } was already credited ({ $amount } to user { $user }); nothing changed.
resolve-failed = Payment #{ $payment } was not credited: { $reason }
admin-forwarding-failed = ⚠️ Forwarding payment #{ $payment } ({ $asset }) to { $destination } failed: { $reason }. The funds stay with the processor.
admin-withdrawal = 📤 Withdrawal of { $total } ({ $by }) to { $destination }: { $links }
admin-withdrawal-head = 🧾 Money log head: { $head }
admin-balance-unverified = ⚠️ Checkout refused for user { $user }: the stored balance ({ $stored }) is not what their ledger entries add up to ({ $entries }). Nothing was charged. Run tokenshop audit verify.
admin-audit-head =
    🧾 Money log head: { $head }
    Keep this message: tokenshop audit verify --head { $head } shows whether the log was rewritten since.
admin-audit-unkeyed = The log is not keyed: someone who can write the database could rewrite it unseen, except against a head noted before.
command-start = Open the shop
command-help = How it works
command-id = Show your Telegram id
id-yours = Your Telegram id is <code>{ $id }</code>.
id-yours-and-chat = Your Telegram id is <code>{ $id }</code>; this chat's id is <code>{ $chat }</code>.
wallet-button-history = 🧾 Past withdrawals
withdrawals-title = Withdrawals, newest first:
withdrawals-empty = No withdrawals yet.
topup-history-button = 📜 My top-ups
topup-history-title = Your credited top-ups, newest first:
topup-history-empty = No top-up has been credited yet.
topup-history-line = { $date } · { $amount } = { $fiat }
deposit-address =
    <b>Your { $asset } deposit address</b>
    <code>{ $address }</code>
    This address is yours for good: send { $asset } to it whenever you like, as often as you like.
    Smallest deposit credited: { $minimum }. Each deposit is credited after { $confirmations }, at the price of that moment.
deposit-confirmations = { $count ->
    [one] 1 confirmation
   *[other] { $count } confirmations
}
deposit-when-final = the network finalizes it (usually within a minute)
deposit-direct-only = ⚠️ Only direct transfers to this address are seen: { $asset } sent by a smart contract (for example a Safe or an exchange's batch withdrawal) is not seen by itself. Send from an ordinary wallet, or give the shop's support the transaction hash.
deposit-button-check = 🔄 Check
deposit-unavailable = Deposits in { $asset } are not available right now. Please choose another way or try again later.
deposit-status-title = Your { $asset } deposits, newest first:
deposit-status-empty = Nothing has arrived at your { $asset } address yet. After you send, it can take a minute until the transaction is seen.
deposit-state-pending = seen, { $confirmations } of { $required } confirmations
deposit-state-pending-final = seen, waiting until final
deposit-state-waiting = confirmed, credited as soon as a price is available
deposit-state-credited = credited { $fiat }
deposit-state-held = held: the transaction left the blockchain
deposit-state-vanished = no longer in the network
deposit-state-below = below the minimum of { $minimum }: not credited
notify-deposit-seen = 👀 We see your deposit of { $amount }. It is credited after { $confirmations }.
notify-deposit-below = Your deposit of { $amount } is below the minimum of { $minimum } and was not credited. Please contact the shop owner.
notify-deposit-waiting = Your deposit of { $amount } is confirmed. It is credited as soon as a price is available.
notify-deposit-credited = ✅ Your deposit of { $amount } has arrived: { $fiat } credited. Available balance: { $balance }. { $link }
notify-deposit-held = ⚠️ Your deposit of { $amount } ({ $fiat }) left the blockchain and is held until it is confirmed again. Available balance: { $balance }. { $link }
notify-deposit-released = ✅ Your deposit of { $amount } is confirmed again and the hold is released. Available balance: { $balance }. { $link }
admin-button-deposits = 📥 Deposits
admin-deposits-title = <b>Deposits to own addresses</b>, newest first:
admin-deposits-none = None yet.
admin-deposits-pending = Waiting for confirmations ({ $count }):
admin-deposits-waiting = Confirmed, waiting for a price ({ $count }):
admin-deposits-held = Held after leaving the chain ({ $count }):
admin-deposits-watchers = Watchers:
admin-deposits-no-watchers = No watcher has reported yet.
admin-deposits-height = block { $height }
admin-deposits-pool = { $network } addresses left in the pool: { $left }
admin-deposits-button-credit = 🔎 Credit a transaction
admin-credit-ask =
    <b>Credit a transaction by its hash</b>
    Send the hash of an Ethereum transaction that paid a buyer's deposit address but is not listed here, e.g. ETH sent by a Safe or by an exchange's batch withdrawal: 0x followed by 64 hex digits.
    The shop reads the transaction from its own node and credits what it pays to buyers' addresses once, with the usual confirmations and minimum.
    You can also send <code>/credittx HASH</code> at any time.
admin-credit-malformed-again = That is not a transaction hash. Send 0x followed by 64 hex digits, or press Cancel.
admin-credit-usage = Send the transaction's hash after the command: <code>/credittx 0x…</code> (0x followed by 64 hex digits).
admin-credit-done =
    🔎 <b>Transaction</b> { $link }
    Its payments to buyers' addresses, as recorded now:
admin-credit-payment = • { $amount } to buyer { $user }: { $state }
admin-credit-untraced = ⚠️ The node could not trace this transaction, so only its direct value was checked: a payment a contract made inside it cannot be seen this way.
admin-credit-unavailable = Transactions cannot be looked up here: this shop has no Ethereum node to read them from.
admin-credit-malformed = That is not a transaction hash: send 0x followed by 64 hex digits.
admin-credit-not-found = The node does not know the transaction <code>{ $txid }</code>. Check the hash (an Ethereum mainnet transaction), or try again once it has been broadcast.
admin-credit-no-payment = The transaction <code>{ $txid }</code> pays none of the buyers' addresses: nothing was credited.
admin-credit-failed = The node cannot be asked right now ({ $reason }). Nothing changed; try again later.
admin-deposit-credited = 💰 Deposit #{ $deposit } · user { $user } · { $amount } = { $fiat } · balance { $balance } · { $link }
admin-deposit-held = ⚠️ Deposit #{ $deposit } of user { $user } ({ $amount } = { $fiat }) left the chain and is held. Balance { $balance }. { $link }
admin-deposit-released = Deposit #{ $deposit } of user { $user } ({ $amount }) is confirmed again; the hold is released. Balance { $balance }. { $link }
admin-deposit-waiting = ⚠️ A deposit of { $amount } (user { $user }) is confirmed but no fresh price is available; it waits. Check the price feeds.
admin-pool-low = ⚠️ Only { $left } { $network } deposit addresses are left in the pool. Import more with: tokenshop wallet import-sol-pool FILE
admin-pool-empty = ⛔ No { $network } deposit address is left: buyers cannot top up with it. Import more with: tokenshop wallet import-sol-pool FILE
checkout-stale-changed = Your cart changed since you were asked to confirm. Nothing was bought. Here is the new total:
checkout-stale-expired = That confirmation has expired. Nothing was bought. Here is the total now:

# The admin's back office
admin-button-inventory = 📦 Inventory
admin-button-users = 👤 Buyers
admin-button-stats = 📊 Statistics
admin-button-backup = 💾 Backup
backup-working = Taking a backup…
backup-caption = The shop's database, copied while it runs. Keep it somewhere safe: it holds every purchase and balance.
backup-external = { $hint }
backup-failed = The backup failed: { $reason }
inventory-title = <b>Inventory</b>: every category with its unsold items. Upload a file or add items step by step.
inventory-empty = <b>Inventory</b>: no categories yet. Upload a file or add items step by step.
inventory-line = { $name } · { $stock } unsold
inventory-sub-line = { $name } · { $stock } · { $price }
inventory-button-upload = 📤 Upload a file
inventory-button-add = ➕ Add items
inventory-category = <b>{ $category }</b>: { $stock } unsold items.
inventory-sub = <b>{ $category } / { $subcategory }</b>
    Unsold: { $stock }
    Next price: { $price }
    { $description }
inventory-button-reprice = 💲 Change the price
inventory-button-delete-sub = 🗑 Delete this subcategory
inventory-button-delete-category = 🗑 Delete this category
inventory-button-delete-confirm = 🗑 Yes, delete
inventory-delete-sub-ask = Delete <b>{ $name }</b>? Its { $stock } unsold items are removed; sold items and the sales history stay.
inventory-delete-category-ask = Delete the category <b>{ $name }</b> with all its subcategories? Its { $stock } unsold items are removed; sold items and the sales history stay.
inventory-deleted = Deleted: { $count } unsold items removed.
inventory-gone = That category or subcategory no longer exists.
inventory-upload-ask = Send the inventory as a document: a <b>.txt</b> file (one item a line: CATEGORY;SUBCATEGORY;DESCRIPTION;PRICE;PRIVATE_DATA) or a <b>.json</b> file (an array of objects with category, subcategory, description, price, private_data). All or nothing: one bad line and nothing is imported.
inventory-upload-wrong-type = Only <b>.txt</b> and <b>.json</b> files can be imported. Send another file, or Cancel.
inventory-upload-reading = Reading { $name }…
inventory-upload-failed = The file could not be read: { $reason }. Nothing was imported.
inventory-imported = ✅ Imported { $count } items:
inventory-rejected = ❌ Nothing was imported: the file has { $count } problems. The first ones:
inventory-rejected-more = … fix these and send the file again to see the rest.
inventory-ask-category = Step 1 of 5: type the <b>category</b> (an existing one or a new one).
inventory-ask-subcategory = Step 2 of 5: the <b>subcategory</b> in { $category }.
inventory-ask-description = Step 3 of 5: the <b>description</b> buyers see, or - for none.
inventory-ask-price = Step 4 of 5: the <b>price</b> of each item in { $currency }, e.g. 12.50.
inventory-ask-data = Step 5 of 5: the <b>private data</b>, one item per line: what each buyer receives.
inventory-bad-answer = ⚠️ { $problem }. Type it again, or Cancel.
inventory-description-too-long = a description typed here may be at most { $max } characters; upload a file for longer ones
inventory-no-lines = no item: type one line per item
inventory-ask-reprice = The new price of <b>{ $name }</b> in { $currency }, e.g. 12.50. It applies to its { $stock } unsold items; sold ones keep their price.
inventory-repriced = ✅ New price for { $count } unsold items.
users-find-ask = Type the buyer's Telegram id or @username.
users-find-none = Nobody is registered as { $query }. Type another id or @username, or Cancel.
users-not-found = That buyer or purchase does not exist.
users-card = <b>Buyer { $user }</b> ({ $username })
    Registered { $registered } · language { $language }
users-banned-mark = ⛔ <b>Banned</b>
users-balance = Balance: topped up { $topUp }, spent { $consumed }, <b>available { $available }</b>
users-counts = Purchases: { $buys } · Deposits: { $deposits }
users-button-buys = 🧾 Purchases
users-button-deposits = 📥 Deposits
users-button-credit = ➕ Credit
users-button-debit = ➖ Debit
users-button-ban = ⛔ Ban
users-button-unban = ✅ Unban
users-button-find = 🔎 Another buyer
users-banned = ⛔ Banned: the buyer was told, and from now on every message gets only the short "blocked" reply.
users-unbanned = ✅ Unbanned: the buyer can use the shop again.
users-buys-title = Purchases of buyer { $user }, newest first:
users-buys-none = Buyer { $user } has bought nothing yet.
users-deposits-title = Deposits of buyer { $user }, newest first:
users-deposits-none = Buyer { $user } has made no deposit yet.
users-buy = <b>Purchase #{ $buy }</b> of buyer { $user } · { $date } · { $total }
users-buy-refunded = ↩️ Refunded { $date }
users-button-refund = ↩️ Refund
users-button-refund-confirm = ↩️ Yes, refund
users-refund-ask = Refund purchase #{ $buy }: credit { $total } back to buyer { $user }? The items stay delivered. A purchase is refunded once only.
users-refunded = ✅ Purchase #{ $buy } refunded: { $total } credited back. Available now: { $available }.
users-already-refunded = Purchase #{ $buy } was already refunded; nothing changed.
users-credit-ask = How much to <b>credit</b> to buyer { $user }, in { $currency }? E.g. 5.00
users-debit-ask = How much to <b>debit</b> from buyer { $user }, in { $currency }? E.g. 5.00
users-amount-bad = ⚠️ Type an amount above zero in { $currency }, e.g. 5.00, or Cancel.
users-reason-ask = The reason for { $amount } (kept in the audit log with your id):
users-reason-bad = ⚠️ Type a reason of 1 to 500 characters, or Cancel.
users-credited = ✅ Credited { $amount } to buyer { $user }.
users-debited = ✅ Debited { $amount } from buyer { $user }.
users-debit-refused = ❌ Not debited: the buyer has only { $available } available, and a balance never goes below zero.
users-adjust-failed = ❌ Not changed: { $reason }
stats-title = <b>Statistics, last { $days } days</b>
stats-sales = Sales: { $count } ({ $items } items) · { $total }
stats-refunds = Refunded: { $count } · { $total }
stats-deposits = Deposits: { $count } · { $total }
stats-new-users = New buyers: { $count }
stats-button-days = { $days } d
stats-button-chart = 📈 Chart
stats-button-csv = 📄 Sales CSV
stats-chart-title = Last { $days } days, per day (UTC)
stats-chart-sales = Sales
stats-chart-refunds = Refunds
stats-chart-deposits = Deposits
stats-chart-new-users = New buyers
stats-csv-caption = { $rows } purchases of the last { $days } days.
notify-refunded = ↩️ Your purchase #{ $buy } was refunded: { $amount } is back on your balance ({ $balance } available).
notify-credited = ➕ { $amount } was credited to your balance: { $reason }. Available: { $balance }.
notify-debited = ➖ { $amount } was debited from your balance: { $reason }. Available: { $balance }.
notify-banned = ⛔ You can no longer use this shop.
notify-unbanned = ✅ You can use this shop again.
admin-refunded = ↩️ Purchase #{ $buy } of user { $user } refunded by { $admin }: { $amount }
admin-adjusted = 🧮 { $direction } { $amount } for user { $user } by { $admin }: { $reason } · available { $balance }
admin-ban-changed = { $state } user { $user } by { $admin }
admin-button-announce = 📣 Announce
announce-title = <b>Announce</b> to every buyer: a message of your own, what was restocked since the last restock message, or everything in stock.
announce-button-broadcast = ✍️ A message
announce-button-restock = 🆕 Restock
announce-button-stock = 📦 Current stock
announce-ask-text = Type the message for every buyer, or send a photo with a caption.
announce-restock-title = 🆕 Restocked:
announce-stock-title = 📦 In stock now:
announce-nothing-new = Nothing was added since the last restock message.
announce-preview = This goes to every buyer who has not blocked the bot:
announce-preview-photo = This photo, with this caption, goes to every buyer who has not blocked the bot:
announce-button-send = 📣 Send
announce-invalid = Not sent: { $reason }.
announce-progress = 📣 Announcement #{ $id } is going out: { $sent } sent, { $failed } failed, { $blocked } blocked the bot, { $left } left of { $total }.
announce-done = ✅ Announcement #{ $id } is done: { $sent } sent, { $failed } failed, { $blocked } blocked the bot, of { $total }.
announce-cancelled = ⏹ Announcement #{ $id } was cancelled: { $sent } sent, { $failed } failed, { $blocked } blocked the bot, { $left } not sent, of { $total }.
announce-button-cancel = ⏹ Cancel
announce-cancelling = Cancelled: no more messages go out.
announce-already-ended = This announcement has already ended.

wallet-button-book = 📒 Address book
book-title = Withdrawal addresses (a withdrawal can only go to one of these):
book-empty = The address book is empty. Start a withdrawal and type an address to add it; the command line adds one with tokenshop address add.
book-entry = { $n }. { $asset }: <code>{ $address }</code>{ $label }: { $state }
book-usable = usable
book-waiting = usable from { $from }
book-button-remove = 🗑 Remove { $n }
book-not-listed =
    <code>{ $address }</code> is not in the address book.
    Add it as a { $asset } withdrawal address? Every admin is told, and it can be used { $hours } hours after it is added.
book-button-add = ➕ Add to the address book
book-added = ✅ Added <code>{ $address }</code> ({ $asset }). Every admin has been told; withdrawals to it are possible from { $from }.
book-gone = That address is no longer in the address book.
book-removed = Removed.
book-notice-added = 📒 New { $asset } withdrawal address <code>{ $address }</code>, added by { $by }, usable from { $from }. If no admin of this shop added it, remove it now and change the admins' Telegram passwords.
book-button-remove-now = 🗑 Remove it
book-notice-removed = 📒 { $asset } withdrawal address <code>{ $address }</code> removed by { $by }.
approval-waiting = 🔐 Nothing was sent yet: withdrawing { $total } to <code>{ $destination }</code> needs a second admin's approval. Every admin has been asked; the request expires { $until }.
approval-button-approve = ✅ Approve
approval-button-reject = ✖️ Reject
approval-you-rejected = Rejected: nothing is sent.
approval-no-value = value unknown
approval-pending = 🔐 Withdrawal #{ $id } waits for a second admin: { $total } ({ $value }) { $asset } to <code>{ $destination }</code>, asked by { $by }. Approve only if you know about it. It expires { $until }.
approval-reason-daily = ⏱ It waits because, together with the withdrawals of the last 24 hours, it reaches the daily total that needs a second admin.
approval-approved = ✅ Withdrawal #{ $id } ({ $total } to <code>{ $destination }</code>) approved by { $decider }: sending.
approval-rejected = ✖️ Withdrawal #{ $id } ({ $total } to <code>{ $destination }</code>) rejected by { $decider }: nothing was sent.
approval-expired = ⌛ Withdrawal #{ $id } ({ $total } to <code>{ $destination }</code>) expired unapproved: nothing was sent.
approval-sent = 📤 Withdrawal #{ $id } ({ $total } to <code>{ $destination }</code>) was sent: { $note }
approval-failed = ⚠️ Withdrawal #{ $id } ({ $total } to <code>{ $destination }</code>) was approved but not sent: { $note }
users-button-reveal = 🔓 Show the goods (logged)
users-revealed = 🔓 The goods of purchase #{ $buy } of buyer { $user } follow. This look is recorded in the money log, with your name.
admin-button-bots = 🤖 Bots
fleet-title = <b>Bots selling from this shop</b> (besides this one):
fleet-none = None yet.
fleet-how = Add one: create a bot with @BotFather, then send <code>/add TOKEN</code> here with its token. It shares this shop's goods, stock and balances.
fleet-running = running
fleet-stopped = stopped ({ $reason })
fleet-no-update = no update yet
fleet-last-update = last update { $at }
fleet-button-remove = 🗑 Remove { $bot }
fleet-remove-ask = Stop { $bot } and forget its token? Its buyers keep their balances and purchases, and can go on in this bot.
fleet-button-remove-confirm = 🗑 Yes, remove it
fleet-removed = { $bot } is stopped and its token forgotten.
fleet-added = ✅ { $bot } ({ $name }) now sells from this shop.
fleet-add-usage = Send <code>/add TOKEN</code> with the token @BotFather gave for the new bot.
fleet-bad-token = That is not a bot token. A token from @BotFather looks like <code>123456789:AAE…</code> (digits, a colon, then 35 letters and digits). Your message was deleted.
fleet-token-rejected = Telegram does not accept this token (revoked, or mistyped). Nothing was added. Your message was deleted.
fleet-is-manager = That is this bot's own token: it runs already.
fleet-exists = That bot already sells from this shop.
fleet-unreachable = Telegram could not be asked ({ $reason }). Nothing was added; try again in a moment.
fleet-only-manager = Bots are added and removed in the shop's main bot.
fleet-gone = That bot is no longer in the list.
fleet-revoked = ⚠️ Telegram no longer accepts the token of { $bot }: that bot is stopped, the others go on. Get a new token from @BotFather (/token) and send /add with it here.
