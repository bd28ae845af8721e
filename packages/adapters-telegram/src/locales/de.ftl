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
checkout-balance-unverified = Dein Guthaben muss vom Shop geprüft werden, bevor du kaufen kannst. Es wurde nichts abgebucht, und der Shop ist informiert.
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
menu-admin = 🛠 Verwaltung
catalog-button-type-quantity = ⌨️ Menge eingeben
catalog-button-full-description = 📄 Vollständige Beschreibung
catalog-description-title = <b>{ $category } / { $name }</b> — vollständige Beschreibung
prompt-cancel = ✖️ Abbrechen
prompt-cancelled = Abgebrochen.

topup-choose = Womit möchtest du bezahlen?
topup-open-button = ⏳ Offene Aufladungen ({ $count })
topup-amount-ask =
    Wie viel möchtest du mit { $asset } aufladen?
    Gib einen Betrag von { $min } bis { $max } mit höchstens zwei Nachkommastellen ein, z. B. 25 oder 25,50.
topup-amount-invalid = Bitte gib einen Betrag von { $min } bis { $max } mit höchstens zwei Nachkommastellen ein, z. B. 25,50.
topup-invoice-open =
    <b>Aufladen mit { $asset }</b>
    Sende einen beliebigen Betrag in { $asset } an diese Adresse:
    <code>{ $address }</code>
    Die erste Transaktion zählt. Ihr Wert wird deinem Guthaben gutgeschrieben, sobald der Zahlungsdienst sie bestätigt.
    Gültig bis { $expires }.
topup-invoice-fixed =
    <b>{ $fiat } mit { $asset } aufladen</b>
    Sende genau <code>{ $amount }</code> an diese Adresse:
    <code>{ $address }</code>
    Gültig bis { $expires }.
topup-button-check = 🔄 Status prüfen
topup-open-title = Deine offenen Aufladungen:
topup-open-empty = Du hast keine offenen Aufladungen.
topup-open-line = { $asset } · bis { $expires }
topup-too-many = Du hast bereits { $limit } offene Aufladungen. Bezahle eine davon oder warte, bis eine abläuft, und versuche es dann erneut.
topup-unavailable = Der Zahlungsdienst ist gerade nicht erreichbar. Bitte versuche es in ein paar Minuten erneut.
topup-mismatch = Diese Zahlung passt nicht zur Anforderung. Der Shop-Betreiber wurde informiert und prüft sie.
topup-status-pending = Noch nicht bezahlt. Nach dem Senden kann es ein paar Minuten dauern, bis die Zahlung bestätigt ist.
topup-status-expired = Diese Aufladung ist unbezahlt abgelaufen. Du kannst eine neue eröffnen.
topup-status-paid = ✅ Bezahlt: { $amount } gutgeschrieben. Dein Guthaben: { $balance }.
notify-topup-credited = ✅ Deine Aufladung ist angekommen: { $amount } gutgeschrieben. Verfügbares Guthaben: { $balance }.
notify-topup-expired = ⌛ Deine Aufladung mit { $asset } ist unbezahlt abgelaufen. Unter Mein Profil kannst du eine neue eröffnen.

admin-title = Verwaltung:
admin-button-wallet = 👛 Wallet und Auszahlungen
wallet-title = Beim Zahlungsdienst verwahrt:
wallet-empty = Beim Zahlungsdienst ist nichts verwahrt.
wallet-button-withdraw = { $asset } auszahlen
wallet-unavailable = Die Wallet kann nicht gelesen werden: { $reason }
withdraw-ask-address = Sende die Adresse, die die { $asset } erhalten soll.
withdraw-bad-address = Das ist keine gültige { $asset }-Adresse ({ $reason }). Sende sie erneut oder brich ab.
withdraw-preview =
    <b>{ $asset } auszahlen</b>
    An: <code>{ $destination }</code>
    Gesamt: { $total }
    Netzwerkgebühr: { $networkFee }
    Servicegebühr: { $serviceFee }
    Kommt an: { $receiving }
    Senden?
withdraw-button-confirm = ✅ Senden
withdraw-sending = Wird gesendet…
withdraw-done = ✅ { $receiving } an <code>{ $destination }</code> gesendet. Transaktionen:
withdraw-failed = Die Auszahlung ist nicht erfolgt: { $reason }
admin-deposit = 💰 Einzahlung #{ $deposit } · Nutzer { $user } · { $amount } = { $fiat } · Guthaben { $balance }
admin-payment-mismatch = ⚠️ Zahlung #{ $payment } von Nutzer { $user } ({ $asset }) wurde bezahlt, aber NICHT gutgeschrieben: { $reason }. Tippe unten, um den Zahlungsdienst erneut zu fragen und das Eingegangene gutzuschreiben.
admin-payment-underpaid = ⚠️ Zahlung #{ $payment } von Nutzer { $user } ({ $asset }) war zu niedrig: { $credited } von { $asked } gutgeschrieben.
notify-topup-underpaid = Deine Aufladung #{ $payment } kam unvollständig an: { $credited } von { $asked } wurden deinem Guthaben gutgeschrieben.
button-resolve-payment = ✅ Prüfen und gutschreiben
resolve-working = Frage den Zahlungsdienst…
resolve-done = Zahlung #{ $payment }: { $amount } an Nutzer { $user } gutgeschrieben.
resolve-already = Zahlung #{ $payment } war schon gutgeschrieben ({ $amount } an Nutzer { $user }); nichts geändert.
resolve-failed = Zahlung #{ $payment } wurde nicht gutgeschrieben: { $reason }
admin-forwarding-failed = ⚠️ Weiterleitung der Zahlung #{ $payment } ({ $asset }) an { $destination } fehlgeschlagen: { $reason }. Das Geld bleibt beim Zahlungsdienst.
admin-withdrawal = 📤 Auszahlung von { $total } ({ $by }) an { $destination }: { $links }
admin-withdrawal-head = 🧾 Kopf des Geldprotokolls: { $head }
admin-balance-unverified = ⚠️ Kauf von Nutzer { $user } abgelehnt: das gespeicherte Guthaben ({ $stored }) entspricht nicht der Summe seiner Buchungen ({ $entries }). Es wurde nichts abgebucht. Führe tokenshop audit verify aus.
admin-audit-head =
    🧾 Kopf des Geldprotokolls: { $head }
    Behalte diese Nachricht: tokenshop audit verify --head { $head } zeigt, ob das Protokoll seitdem umgeschrieben wurde.
admin-audit-unkeyed = Das Protokoll ist nicht mit einem Schlüssel gesichert: wer die Datenbank schreiben kann, könnte es unbemerkt umschreiben, außer gegenüber einem vorher notierten Kopf.
command-start = Shop öffnen
command-help = So funktioniert es
command-id = Deine Telegram-ID anzeigen
id-yours = Deine Telegram-ID ist <code>{ $id }</code>.
id-yours-and-chat = Deine Telegram-ID ist <code>{ $id }</code>, die ID dieses Chats ist <code>{ $chat }</code>.
wallet-button-history = 🧾 Frühere Auszahlungen
withdrawals-title = Auszahlungen, neueste zuerst:
withdrawals-empty = Noch keine Auszahlungen.
topup-history-button = 📜 Meine Aufladungen
topup-history-title = Deine gutgeschriebenen Aufladungen, neueste zuerst:
topup-history-empty = Bisher wurde keine Aufladung gutgeschrieben.
topup-history-line = { $date } · { $amount } = { $fiat }
deposit-address =
    <b>Deine { $asset }-Einzahlungsadresse</b>
    <code>{ $address }</code>
    Diese Adresse gehört dauerhaft dir: Sende { $asset } jederzeit und so oft du willst dorthin.
    Kleinste gutgeschriebene Einzahlung: { $minimum }. Jede Einzahlung wird nach { $confirmations } gutgeschrieben, zum Kurs dieses Moments.
deposit-confirmations = { $count ->
    [one] 1 Bestätigung
   *[other] { $count } Bestätigungen
}
deposit-when-final = der Finalisierung durch das Netzwerk (meist innerhalb einer Minute)
deposit-direct-only = ⚠️ Nur direkte Überweisungen an diese Adresse werden erkannt: { $asset }, das ein Smart Contract sendet (zum Beispiel ein Safe oder die Sammelauszahlung einer Börse), wird nicht von selbst erkannt. Sende von einer gewöhnlichen Wallet aus oder gib dem Support des Shops den Hash der Transaktion.
deposit-button-check = 🔄 Prüfen
deposit-unavailable = Einzahlungen in { $asset } sind gerade nicht möglich. Bitte wähle einen anderen Weg oder versuche es später.
deposit-status-title = Deine { $asset }-Einzahlungen, neueste zuerst:
deposit-status-empty = Auf deiner { $asset }-Adresse ist noch nichts angekommen. Nach dem Senden kann es eine Minute dauern, bis die Transaktion gesehen wird.
deposit-state-pending = gesehen, { $confirmations } von { $required } Bestätigungen
deposit-state-pending-final = gesehen, wartet auf Finalisierung
deposit-state-waiting = bestätigt, wird gutgeschrieben, sobald ein Kurs verfügbar ist
deposit-state-credited = { $fiat } gutgeschrieben
deposit-state-held = zurückgehalten: die Transaktion hat die Blockchain verlassen
deposit-state-vanished = nicht mehr im Netzwerk
deposit-state-below = unter dem Minimum von { $minimum }: nicht gutgeschrieben
notify-deposit-seen = 👀 Wir sehen deine Einzahlung von { $amount }. Sie wird nach { $confirmations } gutgeschrieben.
notify-deposit-below = Deine Einzahlung von { $amount } liegt unter dem Minimum von { $minimum } und wurde nicht gutgeschrieben. Bitte wende dich an den Shop-Betreiber.
notify-deposit-waiting = Deine Einzahlung von { $amount } ist bestätigt. Sie wird gutgeschrieben, sobald ein Kurs verfügbar ist.
notify-deposit-credited = ✅ Deine Einzahlung von { $amount } ist angekommen: { $fiat } gutgeschrieben. Verfügbares Guthaben: { $balance }. { $link }
notify-deposit-held = ⚠️ Deine Einzahlung von { $amount } ({ $fiat }) hat die Blockchain verlassen und wird zurückgehalten, bis sie erneut bestätigt ist. Verfügbares Guthaben: { $balance }. { $link }
notify-deposit-released = ✅ Deine Einzahlung von { $amount } ist wieder bestätigt, die Sperre ist aufgehoben. Verfügbares Guthaben: { $balance }. { $link }
admin-button-deposits = 📥 Einzahlungen
admin-deposits-title = <b>Einzahlungen auf eigene Adressen</b>, neueste zuerst:
admin-deposits-none = Noch keine.
admin-deposits-pending = Warten auf Bestätigungen ({ $count }):
admin-deposits-waiting = Bestätigt, warten auf einen Kurs ({ $count }):
admin-deposits-held = Zurückgehalten nach Verlassen der Chain ({ $count }):
admin-deposits-watchers = Beobachter:
admin-deposits-no-watchers = Noch kein Beobachter hat gemeldet.
admin-deposits-height = Block { $height }
admin-deposits-pool = { $network }-Adressen im Vorrat: { $left }
admin-deposits-button-credit = 🔎 Transaktion gutschreiben
admin-credit-ask =
    <b>Eine Transaktion per Hash gutschreiben</b>
    Sende den Hash einer Ethereum-Transaktion, die an die Einzahlungsadresse eines Käufers gezahlt hat, hier aber nicht aufgeführt ist, z. B. ETH von einem Safe oder aus der Sammelauszahlung einer Börse: 0x, gefolgt von 64 Hex-Ziffern.
    Der Shop liest die Transaktion von seinem eigenen Node und schreibt einmal gut, was sie an Adressen von Käufern zahlt, mit den üblichen Bestätigungen und dem üblichen Minimum.
    Du kannst auch jederzeit <code>/credittx HASH</code> senden.
admin-credit-malformed-again = Das ist kein Transaktions-Hash. Sende 0x, gefolgt von 64 Hex-Ziffern, oder tippe auf Abbrechen.
admin-credit-usage = Sende den Hash der Transaktion nach dem Befehl: <code>/credittx 0x…</code> (0x, gefolgt von 64 Hex-Ziffern).
admin-credit-done =
    🔎 <b>Transaktion</b> { $link }
    Ihre Zahlungen an Adressen von Käufern, wie sie jetzt erfasst sind:
admin-credit-payment = • { $amount } an Käufer { $user }: { $state }
admin-credit-untraced = ⚠️ Der Node konnte diese Transaktion nicht nachverfolgen, daher wurde nur ihr direkter Betrag geprüft: Eine Zahlung, die ein Vertrag darin geleistet hat, ist so nicht zu sehen.
admin-credit-unavailable = Transaktionen können hier nicht nachgeschlagen werden: Dieser Shop hat keinen Ethereum-Node, von dem er sie lesen kann.
admin-credit-malformed = Das ist kein Transaktions-Hash: Sende 0x, gefolgt von 64 Hex-Ziffern.
admin-credit-not-found = Der Node kennt die Transaktion <code>{ $txid }</code> nicht. Prüfe den Hash (eine Transaktion im Ethereum-Mainnet) oder versuche es erneut, sobald sie gesendet wurde.
admin-credit-no-payment = Die Transaktion <code>{ $txid }</code> zahlt an keine Adresse eines Käufers: Es wurde nichts gutgeschrieben.
admin-credit-failed = Der Node kann gerade nicht gefragt werden ({ $reason }). Nichts wurde geändert; versuche es später erneut.
admin-deposit-credited = 💰 Einzahlung #{ $deposit } · Nutzer { $user } · { $amount } = { $fiat } · Guthaben { $balance } · { $link }
admin-deposit-held = ⚠️ Einzahlung #{ $deposit } von Nutzer { $user } ({ $amount } = { $fiat }) hat die Chain verlassen und wird zurückgehalten. Guthaben { $balance }. { $link }
admin-deposit-released = Einzahlung #{ $deposit } von Nutzer { $user } ({ $amount }) ist wieder bestätigt; die Sperre ist aufgehoben. Guthaben { $balance }. { $link }
admin-deposit-waiting = ⚠️ Eine Einzahlung von { $amount } (Nutzer { $user }) ist bestätigt, aber es gibt keinen aktuellen Kurs; sie wartet. Prüfe die Kursquellen.
admin-pool-low = ⚠️ Nur noch { $left } { $network }-Einzahlungsadressen im Vorrat. Importiere weitere mit: tokenshop wallet import-sol-pool FILE
admin-pool-empty = ⛔ Keine { $network }-Einzahlungsadresse mehr: Käufer können damit nicht aufladen. Importiere weitere mit: tokenshop wallet import-sol-pool FILE
checkout-stale-changed = Dein Warenkorb hat sich seit der Bestätigungsfrage geändert. Es wurde nichts gekauft. Hier ist die neue Summe:
checkout-stale-expired = Diese Bestätigung ist abgelaufen. Es wurde nichts gekauft. Hier ist die aktuelle Summe:

# Das Back-Office der Admins
admin-button-inventory = 📦 Bestand
admin-button-users = 👤 Käufer
admin-button-stats = 📊 Statistik
admin-button-backup = 💾 Sicherung
backup-working = Sicherung läuft…
backup-caption = Die Datenbank des Shops, im laufenden Betrieb kopiert. Sicher aufbewahren: Sie enthält alle Käufe und Guthaben.
backup-external = { $hint }
backup-failed = Die Sicherung ist fehlgeschlagen: { $reason }
inventory-title = <b>Bestand</b>: alle Kategorien mit ihren unverkauften Artikeln. Laden Sie eine Datei hoch oder fügen Sie Artikel Schritt für Schritt hinzu.
inventory-empty = <b>Bestand</b>: noch keine Kategorien. Laden Sie eine Datei hoch oder fügen Sie Artikel Schritt für Schritt hinzu.
inventory-line = { $name } · { $stock } unverkauft
inventory-sub-line = { $name } · { $stock } · { $price }
inventory-button-upload = 📤 Datei hochladen
inventory-button-add = ➕ Artikel hinzufügen
inventory-category = <b>{ $category }</b>: { $stock } unverkaufte Artikel.
inventory-sub = <b>{ $category } / { $subcategory }</b>
    Unverkauft: { $stock }
    Nächster Preis: { $price }
    { $description }
inventory-button-reprice = 💲 Preis ändern
inventory-button-delete-sub = 🗑 Unterkategorie löschen
inventory-button-delete-category = 🗑 Kategorie löschen
inventory-button-delete-confirm = 🗑 Ja, löschen
inventory-delete-sub-ask = <b>{ $name }</b> löschen? Die { $stock } unverkauften Artikel werden entfernt; verkaufte Artikel und die Verkaufshistorie bleiben.
inventory-delete-category-ask = Die Kategorie <b>{ $name }</b> mit allen Unterkategorien löschen? Die { $stock } unverkauften Artikel werden entfernt; verkaufte Artikel und die Verkaufshistorie bleiben.
inventory-deleted = Gelöscht: { $count } unverkaufte Artikel entfernt.
inventory-gone = Diese Kategorie oder Unterkategorie gibt es nicht mehr.
inventory-upload-ask = Senden Sie den Bestand als Dokument: eine <b>.txt</b>-Datei (ein Artikel pro Zeile: KATEGORIE;UNTERKATEGORIE;BESCHREIBUNG;PREIS;PRIVATE_DATEN) oder eine <b>.json</b>-Datei (ein Array von Objekten mit category, subcategory, description, price, private_data). Alles oder nichts: Bei einer fehlerhaften Zeile wird nichts importiert.
inventory-upload-wrong-type = Nur <b>.txt</b>- und <b>.json</b>-Dateien können importiert werden. Senden Sie eine andere Datei oder brechen Sie ab.
inventory-upload-reading = { $name } wird gelesen…
inventory-upload-failed = Die Datei konnte nicht gelesen werden: { $reason }. Nichts wurde importiert.
inventory-imported = ✅ { $count } Artikel importiert:
inventory-rejected = ❌ Nichts importiert: Die Datei hat { $count } Fehler. Die ersten:
inventory-rejected-more = … beheben Sie diese und senden Sie die Datei erneut, um den Rest zu sehen.
inventory-ask-category = Schritt 1 von 5: die <b>Kategorie</b> (eine bestehende oder eine neue).
inventory-ask-subcategory = Schritt 2 von 5: die <b>Unterkategorie</b> in { $category }.
inventory-ask-description = Schritt 3 von 5: die <b>Beschreibung</b> für Käufer, oder - für keine.
inventory-ask-price = Schritt 4 von 5: der <b>Preis</b> pro Artikel in { $currency }, z. B. 12.50.
inventory-ask-data = Schritt 5 von 5: die <b>privaten Daten</b>, ein Artikel pro Zeile: was jeder Käufer erhält.
inventory-bad-answer = ⚠️ { $problem }. Bitte erneut eingeben oder abbrechen.
inventory-description-too-long = eine hier getippte Beschreibung darf höchstens { $max } Zeichen lang sein; längere per Datei hochladen
inventory-no-lines = kein Artikel: eine Zeile pro Artikel eingeben
inventory-ask-reprice = Der neue Preis für <b>{ $name }</b> in { $currency }, z. B. 12.50. Er gilt für die { $stock } unverkauften Artikel; verkaufte behalten ihren Preis.
inventory-repriced = ✅ Neuer Preis für { $count } unverkaufte Artikel.
users-find-ask = Geben Sie die Telegram-ID oder den @Benutzernamen des Käufers ein.
users-find-none = Niemand ist als { $query } registriert. Geben Sie eine andere ID oder einen @Benutzernamen ein, oder brechen Sie ab.
users-not-found = Diesen Käufer oder Kauf gibt es nicht.
users-card = <b>Käufer { $user }</b> ({ $username })
    Registriert { $registered } · Sprache { $language }
users-banned-mark = ⛔ <b>Gesperrt</b>
users-balance = Guthaben: aufgeladen { $topUp }, ausgegeben { $consumed }, <b>verfügbar { $available }</b>
users-counts = Käufe: { $buys } · Einzahlungen: { $deposits }
users-button-buys = 🧾 Käufe
users-button-deposits = 📥 Einzahlungen
users-button-credit = ➕ Gutschreiben
users-button-debit = ➖ Belasten
users-button-ban = ⛔ Sperren
users-button-unban = ✅ Entsperren
users-button-find = 🔎 Anderer Käufer
users-banned = ⛔ Gesperrt: Der Käufer wurde benachrichtigt und erhält ab jetzt auf jede Nachricht nur den kurzen Sperrhinweis.
users-unbanned = ✅ Entsperrt: Der Käufer kann den Shop wieder nutzen.
users-buys-title = Käufe von Käufer { $user }, neueste zuerst:
users-buys-none = Käufer { $user } hat noch nichts gekauft.
users-deposits-title = Einzahlungen von Käufer { $user }, neueste zuerst:
users-deposits-none = Käufer { $user } hat noch nichts eingezahlt.
users-buy = <b>Kauf #{ $buy }</b> von Käufer { $user } · { $date } · { $total }
users-buy-refunded = ↩️ Erstattet { $date }
users-button-refund = ↩️ Erstatten
users-button-refund-confirm = ↩️ Ja, erstatten
users-refund-ask = Kauf #{ $buy } erstatten: { $total } an Käufer { $user } zurückbuchen? Die Artikel bleiben geliefert. Ein Kauf wird nur einmal erstattet.
users-refunded = ✅ Kauf #{ $buy } erstattet: { $total } zurückgebucht. Jetzt verfügbar: { $available }.
users-already-refunded = Kauf #{ $buy } wurde bereits erstattet; nichts geändert.
users-credit-ask = Wie viel soll Käufer { $user } <b>gutgeschrieben</b> werden, in { $currency }? Z. B. 5.00
users-debit-ask = Wie viel soll Käufer { $user } <b>belastet</b> werden, in { $currency }? Z. B. 5.00
users-amount-bad = ⚠️ Geben Sie einen Betrag über null in { $currency } ein, z. B. 5.00, oder brechen Sie ab.
users-reason-ask = Der Grund für { $amount } (wird mit Ihrer ID im Prüfprotokoll gespeichert):
users-reason-bad = ⚠️ Geben Sie einen Grund mit 1 bis 500 Zeichen ein, oder brechen Sie ab.
users-credited = ✅ { $amount } an Käufer { $user } gutgeschrieben.
users-debited = ✅ { $amount } von Käufer { $user } abgebucht.
users-debit-refused = ❌ Nicht abgebucht: Der Käufer hat nur { $available } verfügbar, und ein Guthaben wird nie negativ.
users-adjust-failed = ❌ Nicht geändert: { $reason }
stats-title = <b>Statistik, letzte { $days } Tage</b>
stats-sales = Verkäufe: { $count } ({ $items } Artikel) · { $total }
stats-refunds = Erstattet: { $count } · { $total }
stats-deposits = Einzahlungen: { $count } · { $total }
stats-new-users = Neue Käufer: { $count }
stats-button-days = { $days } T
stats-button-chart = 📈 Diagramm
stats-button-csv = 📄 Verkäufe als CSV
stats-chart-title = Letzte { $days } Tage, pro Tag (UTC)
stats-chart-sales = Verkäufe
stats-chart-refunds = Erstattungen
stats-chart-deposits = Einzahlungen
stats-chart-new-users = Neue Käufer
stats-csv-caption = { $rows } Käufe der letzten { $days } Tage.
notify-refunded = ↩️ Ihr Kauf #{ $buy } wurde erstattet: { $amount } ist wieder auf Ihrem Guthaben ({ $balance } verfügbar).
notify-credited = ➕ { $amount } wurde Ihrem Guthaben gutgeschrieben: { $reason }. Verfügbar: { $balance }.
notify-debited = ➖ { $amount } wurde von Ihrem Guthaben abgebucht: { $reason }. Verfügbar: { $balance }.
notify-banned = ⛔ Sie können diesen Shop nicht mehr nutzen.
notify-unbanned = ✅ Sie können diesen Shop wieder nutzen.
admin-refunded = ↩️ Kauf #{ $buy } von Nutzer { $user } erstattet durch { $admin }: { $amount }
admin-adjusted = 🧮 { $direction } { $amount } für Nutzer { $user } durch { $admin }: { $reason } · verfügbar { $balance }
admin-ban-changed = { $state } Nutzer { $user } durch { $admin }
admin-button-announce = 📣 Ankündigen
announce-title = <b>Ankündigung</b> an alle Käufer: eine eigene Nachricht, was seit der letzten Nachschub-Meldung neu ist, oder der gesamte Bestand.
announce-button-broadcast = ✍️ Eine Nachricht
announce-button-restock = 🆕 Nachschub
announce-button-stock = 📦 Aktueller Bestand
announce-ask-text = Geben Sie die Nachricht an alle Käufer ein, oder senden Sie ein Foto mit Bildunterschrift.
announce-restock-title = 🆕 Neu eingetroffen:
announce-stock-title = 📦 Jetzt vorrätig:
announce-nothing-new = Seit der letzten Nachschub-Meldung ist nichts hinzugekommen.
announce-preview = Dies geht an alle Käufer, die den Bot nicht blockiert haben:
announce-preview-photo = Dieses Foto mit dieser Bildunterschrift geht an alle Käufer, die den Bot nicht blockiert haben:
announce-button-send = 📣 Senden
announce-invalid = Nicht gesendet: { $reason }.
announce-progress = 📣 Ankündigung #{ $id } wird verschickt: { $sent } gesendet, { $failed } fehlgeschlagen, { $blocked } haben den Bot blockiert, { $left } von { $total } offen.
announce-done = ✅ Ankündigung #{ $id } ist fertig: { $sent } gesendet, { $failed } fehlgeschlagen, { $blocked } haben den Bot blockiert, von { $total }.
announce-cancelled = ⏹ Ankündigung #{ $id } wurde abgebrochen: { $sent } gesendet, { $failed } fehlgeschlagen, { $blocked } haben den Bot blockiert, { $left } nicht gesendet, von { $total }.
announce-button-cancel = ⏹ Abbrechen
announce-cancelling = Abgebrochen: Es gehen keine weiteren Nachrichten hinaus.
announce-already-ended = Diese Ankündigung ist bereits beendet.

wallet-button-book = 📒 Adressbuch
book-title = Auszahlungsadressen (eine Auszahlung kann nur an eine davon gehen):
book-empty = Das Adressbuch ist leer. Beginne eine Auszahlung und gib eine Adresse ein, um sie hinzuzufügen; auf der Kommandozeile fügt tokenshop address add eine hinzu.
book-entry = { $n }. { $asset }: <code>{ $address }</code>{ $label }: { $state }
book-usable = nutzbar
book-waiting = nutzbar ab { $from }
book-button-remove = 🗑 { $n } entfernen
book-not-listed =
    <code>{ $address }</code> steht nicht im Adressbuch.
    Als { $asset }-Auszahlungsadresse hinzufügen? Alle Admins werden benachrichtigt, und sie ist { $hours } Stunden nach dem Hinzufügen nutzbar.
book-button-add = ➕ Zum Adressbuch hinzufügen
book-added = ✅ <code>{ $address }</code> ({ $asset }) hinzugefügt. Alle Admins wurden benachrichtigt; Auszahlungen dorthin sind ab { $from } möglich.
book-gone = Diese Adresse steht nicht mehr im Adressbuch.
book-removed = Entfernt.
book-notice-added = 📒 Neue { $asset }-Auszahlungsadresse <code>{ $address }</code>, hinzugefügt von { $by }, nutzbar ab { $from }. Wenn kein Admin dieses Shops sie hinzugefügt hat, entferne sie sofort und ändere die Telegram-Passwörter der Admins.
book-button-remove-now = 🗑 Entfernen
book-notice-removed = 📒 { $asset }-Auszahlungsadresse <code>{ $address }</code> von { $by } entfernt.
approval-waiting = 🔐 Noch nichts gesendet: die Auszahlung von { $total } an <code>{ $destination }</code> braucht die Freigabe eines zweiten Admins. Alle Admins wurden gefragt; die Anfrage läuft { $until } ab.
approval-button-approve = ✅ Freigeben
approval-button-reject = ✖️ Ablehnen
approval-you-rejected = Abgelehnt: es wird nichts gesendet.
approval-no-value = Wert unbekannt
approval-pending = 🔐 Auszahlung #{ $id } wartet auf einen zweiten Admin: { $total } ({ $value }) { $asset } an <code>{ $destination }</code>, angefragt von { $by }. Gib sie nur frei, wenn du davon weißt. Sie läuft { $until } ab.
approval-reason-daily = ⏱ Sie wartet, weil sie zusammen mit den Auszahlungen der letzten 24 Stunden die Tagessumme erreicht, ab der ein zweiter Admin freigeben muss.
approval-approved = ✅ Auszahlung #{ $id } ({ $total } an <code>{ $destination }</code>) von { $decider } freigegeben: wird gesendet.
approval-rejected = ✖️ Auszahlung #{ $id } ({ $total } an <code>{ $destination }</code>) von { $decider } abgelehnt: nichts wurde gesendet.
approval-expired = ⌛ Auszahlung #{ $id } ({ $total } an <code>{ $destination }</code>) ist ohne Freigabe abgelaufen: nichts wurde gesendet.
approval-sent = 📤 Auszahlung #{ $id } ({ $total } an <code>{ $destination }</code>) wurde gesendet: { $note }
approval-failed = ⚠️ Auszahlung #{ $id } ({ $total } an <code>{ $destination }</code>) wurde freigegeben, aber nicht gesendet: { $note }
users-button-reveal = 🔓 Waren zeigen (protokolliert)
users-revealed = 🔓 Die Waren des Kaufs #{ $buy } von Käufer { $user } folgen. Dieser Blick wird mit deinem Namen im Geldprotokoll festgehalten.
admin-button-bots = 🤖 Bots
fleet-title = <b>Bots, die aus diesem Shop verkaufen</b> (außer diesem):
fleet-none = Noch keine.
fleet-how = Hinzufügen: Erstelle einen Bot bei @BotFather und sende hier <code>/add TOKEN</code> mit seinem Token. Er teilt Waren, Bestand und Guthaben dieses Shops.
fleet-running = läuft
fleet-stopped = gestoppt ({ $reason })
fleet-no-update = noch kein Update
fleet-last-update = letztes Update { $at }
fleet-button-remove = 🗑 { $bot } entfernen
fleet-remove-ask = { $bot } stoppen und sein Token vergessen? Seine Käufer behalten Guthaben und Käufe und können in diesem Bot weitermachen.
fleet-button-remove-confirm = 🗑 Ja, entfernen
fleet-removed = { $bot } ist gestoppt, sein Token vergessen.
fleet-added = ✅ { $bot } ({ $name }) verkauft jetzt aus diesem Shop.
fleet-add-usage = Sende <code>/add TOKEN</code> mit dem Token, das @BotFather für den neuen Bot ausgegeben hat.
fleet-bad-token = Das ist kein Bot-Token. Ein Token von @BotFather sieht so aus: <code>123456789:AAE…</code> (Ziffern, ein Doppelpunkt, dann 35 Buchstaben und Ziffern). Deine Nachricht wurde gelöscht.
fleet-token-rejected = Telegram akzeptiert dieses Token nicht (widerrufen oder vertippt). Nichts wurde hinzugefügt. Deine Nachricht wurde gelöscht.
fleet-is-manager = Das ist das eigene Token dieses Bots: Er läuft bereits.
fleet-exists = Dieser Bot verkauft bereits aus diesem Shop.
fleet-unreachable = Telegram war nicht erreichbar ({ $reason }). Nichts wurde hinzugefügt; versuche es gleich noch einmal.
fleet-only-manager = Bots werden im Haupt-Bot des Shops hinzugefügt und entfernt.
fleet-gone = Dieser Bot ist nicht mehr in der Liste.
fleet-revoked = ⚠️ Telegram akzeptiert das Token von { $bot } nicht mehr: Dieser Bot ist gestoppt, die anderen laufen weiter. Hol dir bei @BotFather ein neues Token (/token) und sende es hier mit /add.
