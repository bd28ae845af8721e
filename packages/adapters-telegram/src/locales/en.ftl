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
