# Die Texte für Käufer auf Deutsch. Jeder Schlüssel muss in jeder Sprachdatei stehen.

menu-title = Willkommen bei { $shop }! Was darf es sein?
menu-categories = 🛍 Alle Kategorien
menu-profile = 👤 Mein Profil
menu-cart = 🛒 Warenkorb
menu-help = ❓ Hilfe
button-back = ⬅️ Zurück
button-main = 🏠 Hauptmenü
button-previous = ◀️
button-next = ▶️
page-indicator = { $page } / { $pages }

catalog-categories = Wähle eine Kategorie:
catalog-empty = Im Moment ist nichts im Angebot. Schau später wieder vorbei.
catalog-subcategories = { $category }: wähle einen Artikel.
catalog-subcategory-line = { $name } · { $price } · noch { $stock }
catalog-card =
    <b>{ $category } / { $name }</b>
    { $description }

    Preis: { $price }
    Vorrätig: { $stock }
catalog-choose-quantity = Wie viele? Wähle eine Zahl.
catalog-sold-out = Zurzeit ausverkauft.
catalog-added = { $quantity } × { $name } in den Warenkorb gelegt.
catalog-type-quantity = Tippe eine Menge von 1 bis { $max }.

cart-title = Dein Warenkorb:
cart-line = { $name }: { $quantity } × { $price } = { $total } (noch { $stock })
cart-line-unavailable = { $name }: { $quantity } gewünscht, nur noch { $stock } da
cart-total = Summe: { $total }
cart-empty = Dein Warenkorb ist leer.
cart-button-checkout = ✅ Zur Kasse
cart-button-clear = 🗑 Warenkorb leeren
cart-button-remove = ✖️ { $name } entfernen
cart-cleared = Dein Warenkorb ist jetzt leer.

checkout-confirm =
    Summe: { $total }
    Dein Guthaben: { $balance }
    Kauf bestätigen?
checkout-button-confirm = ✅ Bestätigen
checkout-button-cancel = ✖️ Abbrechen
checkout-done = Danke! Kauf #{ $buy } über { $total } ist abgeschlossen. Deine Artikel:
checkout-delivery-file = Deine Artikel stehen in der angehängten Datei.
checkout-empty = Dein Warenkorb ist leer: leg zuerst etwas hinein.
checkout-out-of-stock = Von { $name } sind nur noch { $available } da (gewünscht: { $requested }). Bitte ändere die Menge im Warenkorb.
checkout-insufficient = Das kostet { $needed }, dein Guthaben ist { $available }. Lade dein Guthaben unter Mein Profil auf und versuche es erneut.
checkout-already = Dieser Kauf ist bereits abgeschlossen.

profile-title =
    <b>Mein Profil</b>
    Aufgeladen: { $topUp }
    Ausgegeben: { $consumed }
    Verfügbar: { $available }
profile-button-topup = 💰 Aufladen
profile-button-history = 🧾 Meine Käufe
profile-button-language = 🌐 Sprache
topup-not-configured = Aufladen ist noch nicht möglich. Bitte wende dich an den Shop-Betreiber.
history-title = Deine Käufe:
history-empty = Du hast noch nichts gekauft.
history-line = #{ $buy } · { $date } · { $quantity } Artikel · { $total }
history-refunded = (erstattet)
purchase-title = Kauf #{ $buy } vom { $date }, { $total }:
purchase-not-found = Dieser Kauf wurde nicht gefunden.

language-name = Deutsch
language-choose = Wähle deine Sprache:
language-set = Sprache auf Deutsch gestellt.

help-text = Stöbere in den Kategorien, lege Artikel in den Warenkorb und bezahle mit deinem Guthaben. Aufladen kannst du unter Mein Profil.
slow-down = Bitte etwas langsamer.
banned = Dein Zugang zu diesem Shop wurde gesperrt.
button-expired = Diese Schaltfläche ist abgelaufen. Bitte öffne das Menü erneut.
error-generic = Etwas ist schiefgelaufen (Fehler-ID { $id }). Bitte versuche es später noch einmal.
admin-purchase = 🛍 Kauf #{ $buy } · { $total }: { $user }
