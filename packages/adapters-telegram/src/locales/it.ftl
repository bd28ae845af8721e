# I testi per gli acquirenti in italiano. Ogni chiave deve esserci in ogni file di lingua.

menu-title = Benvenuto in { $shop }! Scegli quello che ti serve:
menu-categories = 🛍 Tutte le categorie
menu-profile = 👤 Il mio profilo
menu-cart = 🛒 Carrello
menu-help = ❓ Aiuto
button-back = ⬅️ Indietro
button-main = 🏠 Menu principale
button-previous = ◀️
button-next = ▶️
page-indicator = { $page } / { $pages }

catalog-categories = Scegli una categoria:
catalog-empty = Al momento non c'è niente in vendita. Torna più tardi.
catalog-subcategories = { $category }: scegli un articolo.
catalog-subcategory-line = { $name } · { $price } · ne restano { $stock }
catalog-card =
    <b>{ $category } / { $name }</b>
    { $description }

    Prezzo: { $price }
    Disponibili: { $stock }
catalog-choose-quantity = Quanti? Scegli un numero.
catalog-sold-out = Esaurito per ora.
catalog-added = Aggiunto al carrello: { $quantity } × { $name }.
catalog-type-quantity = Scrivi una quantità da 1 a { $max }.

cart-title = Il tuo carrello:
cart-line = { $name }: { $quantity } × { $price } = { $total } ({ $stock } disponibili)
cart-line-unavailable = { $name }: richiesti { $quantity }, ne restano solo { $stock }
cart-total = Totale: { $total }
cart-empty = Il tuo carrello è vuoto.
cart-button-checkout = ✅ Vai alla cassa
cart-button-clear = 🗑 Svuota carrello
cart-button-remove = ✖️ Rimuovi { $name }
cart-cleared = Ora il tuo carrello è vuoto.

checkout-confirm =
    Totale: { $total }
    Il tuo saldo: { $balance }
    Confermi l'acquisto?
checkout-button-confirm = ✅ Conferma
checkout-button-cancel = ✖️ Annulla
checkout-done = Grazie! L'acquisto n. { $buy } da { $total } è completato. I tuoi articoli:
checkout-delivery-file = I tuoi articoli sono nel file allegato.
checkout-empty = Il tuo carrello è vuoto: prima aggiungi qualcosa.
checkout-out-of-stock = Di { $name } ne restano solo { $available } (ne hai chiesti { $requested }). Modifica la quantità nel carrello.
checkout-insufficient = Costa { $needed }, ma il tuo saldo è { $available }. Ricarica il saldo in «Il mio profilo» e riprova.
checkout-balance-unverified = Il tuo saldo deve essere controllato dal negozio prima che tu possa acquistare. Non è stato addebitato nulla e il negozio è stato avvisato.
checkout-already = Questo acquisto è già completato.

profile-title =
    <b>Il mio profilo</b>
    Ricaricato: { $topUp }
    Speso: { $consumed }
    Disponibile: { $available }
profile-button-topup = 💰 Ricarica
profile-button-history = 🧾 I miei acquisti
profile-button-language = 🌐 Lingua
topup-not-configured = La ricarica non è ancora disponibile. Contatta il proprietario del negozio.
history-title = I tuoi acquisti:
history-empty = Non hai ancora acquistato nulla.
history-line = n. { $buy } · { $date } · { $quantity } art. · { $total }
history-refunded = (rimborsato)
purchase-title = Acquisto n. { $buy } del { $date }, { $total }:
purchase-not-found = Acquisto non trovato.

language-name = Italiano
language-choose = Scegli la tua lingua:
language-set = Lingua impostata su italiano.

help-text = Sfoglia le categorie, aggiungi articoli al carrello e paga con il tuo saldo. Puoi ricaricare in «Il mio profilo».
slow-down = Un po' più piano, per favore.
banned = Il tuo accesso a questo negozio è stato bloccato.
button-expired = Questo pulsante è scaduto. Riapri il menu.
error-generic = Qualcosa è andato storto (id errore { $id }). Riprova più tardi.
admin-purchase = 🛍 Acquisto n. { $buy } · { $total }: { $user }
menu-admin = 🛠 Amministrazione
catalog-button-type-quantity = ⌨️ Scrivi una quantità
catalog-button-full-description = 📄 Descrizione completa
catalog-description-title = <b>{ $category } / { $name }</b> — descrizione completa
prompt-cancel = ✖️ Annulla
prompt-cancelled = Annullato.

topup-choose = Scegli con cosa vuoi pagare:
topup-open-button = ⏳ Ricariche aperte ({ $count })
topup-amount-ask =
    Quanto vuoi ricaricare con { $asset }?
    Scrivi un importo da { $min } a { $max }, con al massimo due decimali, ad es. 25 o 25,50.
topup-amount-invalid = Scrivi un importo da { $min } a { $max }, con al massimo due decimali, ad es. 25,50.
topup-invoice-open =
    <b>Ricarica con { $asset }</b>
    Invia un importo qualsiasi in { $asset } a questo indirizzo:
    <code>{ $address }</code>
    Conta la prima transazione. Il suo valore viene accreditato sul tuo saldo appena il servizio di pagamento la conferma.
    Valido fino al { $expires }.
topup-invoice-fixed =
    <b>Ricarica { $fiat } con { $asset }</b>
    Invia esattamente <code>{ $amount }</code> a questo indirizzo:
    <code>{ $address }</code>
    Valido fino al { $expires }.
topup-button-check = 🔄 Verifica stato
topup-open-title = Le tue ricariche aperte:
topup-open-empty = Non hai ricariche aperte.
topup-open-line = { $asset } · fino al { $expires }
topup-too-many = Hai già { $limit } ricariche aperte. Pagane una o aspetta che una scada, poi riprova.
topup-unavailable = Il servizio di pagamento non è disponibile al momento. Riprova tra qualche minuto.
topup-mismatch = Questo pagamento non corrisponde a quanto richiesto. Il proprietario del negozio è stato avvisato e lo verificherà.
topup-status-pending = Non ancora pagato. Dopo l'invio possono passare alcuni minuti prima che il pagamento sia confermato.
topup-status-expired = Questa ricarica è scaduta senza essere pagata. Puoi aprirne una nuova.
topup-status-paid = ✅ Pagato: { $amount } accreditati. Il tuo saldo: { $balance }.
notify-topup-credited = ✅ La tua ricarica è arrivata: { $amount } accreditati. Saldo disponibile: { $balance }.
notify-topup-expired = ⌛ La tua ricarica con { $asset } è scaduta senza essere pagata. Puoi aprirne una nuova in «Il mio profilo».

admin-title = Menu di amministrazione:
admin-button-wallet = 👛 Wallet e prelievi
wallet-title = Custodito presso il processore di pagamento:
wallet-empty = Non c'è nulla presso il processore di pagamento.
wallet-button-withdraw = Preleva { $asset }
wallet-unavailable = Impossibile leggere il wallet: { $reason }
withdraw-ask-address = Invia l'indirizzo che deve ricevere i { $asset }.
withdraw-bad-address = Questo non è un indirizzo { $asset } valido ({ $reason }). Invialo di nuovo o annulla.
withdraw-preview =
    <b>Preleva { $asset }</b>
    A: <code>{ $destination }</code>
    Totale: { $total }
    Commissione di rete: { $networkFee }
    Commissione del servizio: { $serviceFee }
    Ricevuti: { $receiving }
    Inviare?
withdraw-button-confirm = ✅ Invia
withdraw-sending = Invio in corso…
withdraw-done = ✅ Inviati { $receiving } a <code>{ $destination }</code>. Transazioni:
withdraw-failed = Il prelievo non è andato a buon fine: { $reason }
admin-deposit = 💰 Deposito n. { $deposit } · utente { $user } · { $amount } = { $fiat } · saldo { $balance }
admin-payment-mismatch = ⚠️ Il pagamento n. { $payment } dell'utente { $user } ({ $asset }) è stato pagato ma NON accreditato: { $reason }. Tocca qui sotto per interrogare di nuovo il processore e accreditare quanto arrivato.
admin-payment-underpaid = ⚠️ Il pagamento n. { $payment } dell'utente { $user } ({ $asset }) è incompleto: accreditati { $credited } su { $asked } richiesti.
notify-topup-underpaid = La tua ricarica n. { $payment } è arrivata incompleta: sul tuo saldo sono stati accreditati { $credited } su { $asked }.
button-resolve-payment = ✅ Verifica e accredita
resolve-working = Interrogo il processore…
resolve-done = Pagamento n. { $payment }: { $amount } accreditati all'utente { $user }.
resolve-already = Il pagamento n. { $payment } era già accreditato ({ $amount } all'utente { $user }); non è cambiato nulla.
resolve-failed = Il pagamento n. { $payment } non è stato accreditato: { $reason }
admin-forwarding-failed = ⚠️ L'inoltro del pagamento n. { $payment } ({ $asset }) a { $destination } non è riuscito: { $reason }. I fondi restano presso il processore.
admin-withdrawal = 📤 Prelievo di { $total } ({ $by }) a { $destination }: { $links }
admin-withdrawal-head = 🧾 Testa del registro del denaro: { $head }
admin-balance-unverified = ⚠️ Acquisto rifiutato per l’utente { $user }: il saldo salvato ({ $stored }) non corrisponde alla somma dei suoi movimenti ({ $entries }). Non è stato addebitato nulla. Esegui tokenshop audit verify.
admin-audit-head =
    🧾 Testa del registro del denaro: { $head }
    Conserva questo messaggio: tokenshop audit verify --head { $head } mostra se il registro è stato riscritto da allora.
admin-audit-unkeyed = Il registro non è protetto da una chiave: chi può scrivere nel database potrebbe riscriverlo senza che si veda, tranne rispetto a una testa annotata prima.
command-start = Apri il negozio
command-help = Come funziona
command-id = Mostra il tuo id Telegram
id-yours = Il tuo id Telegram è <code>{ $id }</code>.
id-yours-and-chat = Il tuo id Telegram è <code>{ $id }</code>; l'id di questa chat è <code>{ $chat }</code>.
wallet-button-history = 🧾 Prelievi passati
withdrawals-title = Prelievi, dal più recente:
withdrawals-empty = Ancora nessun prelievo.
topup-history-button = 📜 Le mie ricariche
topup-history-title = Le tue ricariche accreditate, dalla più recente:
topup-history-empty = Nessuna ricarica è stata ancora accreditata.
topup-history-line = { $date } · { $amount } = { $fiat }
deposit-address =
    <b>Il tuo indirizzo di deposito { $asset }</b>
    <code>{ $address }</code>
    Questo indirizzo è tuo per sempre: invia { $asset } quando vuoi e quante volte vuoi.
    Deposito minimo accreditato: { $minimum }. Ogni deposito viene accreditato dopo { $confirmations }, al prezzo di quel momento.
deposit-confirmations = { $count ->
    [one] { $count } conferma
   *[other] { $count } conferme
}
deposit-when-final = la conferma definitiva della rete (di solito entro un minuto)
deposit-direct-only = ⚠️ Si vedono solo i trasferimenti diretti a questo indirizzo: un invio di { $asset } fatto da uno smart contract (per esempio una Safe o il prelievo cumulativo di un exchange) non viene visto da solo. Invia da un normale wallet, oppure comunica all'assistenza del negozio l'hash della transazione.
deposit-button-check = 🔄 Verifica
deposit-unavailable = I depositi in { $asset } non sono disponibili al momento. Scegli un altro metodo o riprova più tardi.
deposit-status-title = I tuoi depositi in { $asset }, dal più recente:
deposit-status-empty = Al tuo indirizzo { $asset } non è ancora arrivato nulla. Dopo l'invio può passare un minuto prima che la transazione sia visibile.
deposit-state-pending = visto, { $confirmations } conferme su { $required }
deposit-state-pending-final = visto, in attesa che diventi definitivo
deposit-state-waiting = confermato, verrà accreditato appena sarà disponibile un prezzo
deposit-state-credited = accreditati { $fiat }
deposit-state-held = trattenuto: la transazione è uscita dalla blockchain
deposit-state-vanished = non più presente nella rete
deposit-state-below = sotto il minimo di { $minimum }: non accreditato
notify-deposit-seen = 👀 Vediamo il tuo deposito di { $amount }. Verrà accreditato dopo { $confirmations }.
notify-deposit-below = Il tuo deposito di { $amount } è sotto il minimo di { $minimum } e non è stato accreditato. Contatta il proprietario del negozio.
notify-deposit-waiting = Il tuo deposito di { $amount } è confermato. Verrà accreditato appena sarà disponibile un prezzo.
notify-deposit-credited = ✅ Il tuo deposito di { $amount } è arrivato: accreditati { $fiat }. Saldo disponibile: { $balance }. { $link }
notify-deposit-held = ⚠️ Il tuo deposito di { $amount } ({ $fiat }) è uscito dalla blockchain e resta trattenuto finché non viene confermato di nuovo. Saldo disponibile: { $balance }. { $link }
notify-deposit-released = ✅ Il tuo deposito di { $amount } è di nuovo confermato e il blocco è stato rimosso. Saldo disponibile: { $balance }. { $link }
admin-button-deposits = 📥 Depositi
admin-deposits-title = <b>Depositi sugli indirizzi propri</b>, dal più recente:
admin-deposits-none = Ancora nessuno.
admin-deposits-pending = In attesa di conferme ({ $count }):
admin-deposits-waiting = Confermati, in attesa di un prezzo ({ $count }):
admin-deposits-held = Trattenuti dopo essere usciti dalla catena ({ $count }):
admin-deposits-watchers = Osservatori:
admin-deposits-no-watchers = Nessun osservatore ha ancora segnalato.
admin-deposits-height = blocco { $height }
admin-deposits-pool = Indirizzi { $network } rimasti nella riserva: { $left }
admin-deposits-button-credit = 🔎 Accredita una transazione
admin-credit-ask =
    <b>Accredita una transazione tramite il suo hash</b>
    Invia l'hash di una transazione Ethereum che ha pagato l'indirizzo di deposito di un acquirente ma non compare qui, ad es. ETH inviati da una Safe o dal prelievo cumulativo di un exchange: 0x seguito da 64 cifre esadecimali.
    Il negozio legge la transazione dal proprio nodo e accredita una sola volta ciò che paga agli indirizzi degli acquirenti, con le conferme e il minimo consueti.
    Puoi anche inviare <code>/credittx HASH</code> in qualsiasi momento.
admin-credit-malformed-again = Questo non è un hash di transazione. Invia 0x seguito da 64 cifre esadecimali, oppure premi Annulla.
admin-credit-usage = Invia l'hash della transazione dopo il comando: <code>/credittx 0x…</code> (0x seguito da 64 cifre esadecimali).
admin-credit-done =
    🔎 <b>Transazione</b> { $link }
    I suoi pagamenti agli indirizzi degli acquirenti, come registrati ora:
admin-credit-payment = • { $amount } all'acquirente { $user }: { $state }
admin-credit-untraced = ⚠️ Il nodo non ha potuto tracciare questa transazione, quindi è stato controllato solo il suo valore diretto: un pagamento fatto da un contratto al suo interno non si vede in questo modo.
admin-credit-unavailable = Qui non è possibile consultare le transazioni: questo negozio non ha un nodo Ethereum da cui leggerle.
admin-credit-malformed = Questo non è un hash di transazione: invia 0x seguito da 64 cifre esadecimali.
admin-credit-not-found = Il nodo non conosce la transazione <code>{ $txid }</code>. Controlla l'hash (una transazione della rete principale di Ethereum) o riprova quando sarà stata diffusa.
admin-credit-no-payment = La transazione <code>{ $txid }</code> non paga nessun indirizzo di acquirente: non è stato accreditato nulla.
admin-credit-failed = Al momento non è possibile interrogare il nodo ({ $reason }). Non è cambiato nulla; riprova più tardi.
admin-deposit-credited = 💰 Deposito n. { $deposit } · utente { $user } · { $amount } = { $fiat } · saldo { $balance } · { $link }
admin-deposit-held = ⚠️ Il deposito n. { $deposit } dell'utente { $user } ({ $amount } = { $fiat }) è uscito dalla catena ed è trattenuto. Saldo { $balance }. { $link }
admin-deposit-released = Il deposito n. { $deposit } dell'utente { $user } ({ $amount }) è di nuovo confermato; il blocco è stato rimosso. Saldo { $balance }. { $link }
admin-deposit-waiting = ⚠️ Un deposito di { $amount } (utente { $user }) è confermato ma non c'è un prezzo aggiornato; resta in attesa. Controlla le fonti dei prezzi.
admin-pool-low = ⚠️ Nella riserva restano solo { $left } indirizzi di deposito { $network }. Importane altri con: tokenshop wallet import-sol-pool FILE
admin-pool-empty = ⛔ Non resta nessun indirizzo di deposito { $network }: gli acquirenti non possono ricaricare con questa rete. Importane altri con: tokenshop wallet import-sol-pool FILE
checkout-stale-changed = Il tuo carrello è cambiato da quando ti è stata chiesta la conferma. Non è stato acquistato nulla. Ecco il nuovo totale:
checkout-stale-expired = Quella conferma è scaduta. Non è stato acquistato nulla. Ecco il totale attuale:

# Il retrobottega dell'amministratore
admin-button-inventory = 📦 Inventario
admin-button-users = 👤 Acquirenti
admin-button-stats = 📊 Statistiche
admin-button-backup = 💾 Backup
backup-working = Backup in corso…
backup-caption = Il database del negozio, copiato mentre è in funzione. Conservalo in un posto sicuro: contiene tutti gli acquisti e i saldi.
backup-external = { $hint }
backup-failed = Il backup non è riuscito: { $reason }
inventory-title = <b>Inventario</b>: ogni categoria con i suoi articoli invenduti. Carica un file o aggiungi articoli passo dopo passo.
inventory-empty = <b>Inventario</b>: ancora nessuna categoria. Carica un file o aggiungi articoli passo dopo passo.
inventory-line = { $name } · { $stock } invenduti
inventory-sub-line = { $name } · { $stock } · { $price }
inventory-button-upload = 📤 Carica un file
inventory-button-add = ➕ Aggiungi articoli
inventory-category = <b>{ $category }</b>: { $stock } articoli invenduti.
inventory-sub = <b>{ $category } / { $subcategory }</b>
    Invenduti: { $stock }
    Prossimo prezzo: { $price }
    { $description }
inventory-button-reprice = 💲 Cambia il prezzo
inventory-button-delete-sub = 🗑 Elimina questa sottocategoria
inventory-button-delete-category = 🗑 Elimina questa categoria
inventory-button-delete-confirm = 🗑 Sì, elimina
inventory-delete-sub-ask = Eliminare <b>{ $name }</b>? I suoi { $stock } articoli invenduti vengono rimossi; gli articoli venduti e lo storico delle vendite restano.
inventory-delete-category-ask = Eliminare la categoria <b>{ $name }</b> con tutte le sue sottocategorie? I suoi { $stock } articoli invenduti vengono rimossi; gli articoli venduti e lo storico delle vendite restano.
inventory-deleted = Eliminato: rimossi { $count } articoli invenduti.
inventory-gone = Quella categoria o sottocategoria non esiste più.
inventory-upload-ask = Invia l'inventario come documento: un file <b>.txt</b> (un articolo per riga: CATEGORIA;SOTTOCATEGORIA;DESCRIZIONE;PREZZO;DATI_PRIVATI) oppure un file <b>.json</b> (un array di oggetti con category, subcategory, description, price, private_data). Tutto o niente: con una sola riga errata non viene importato nulla.
inventory-upload-wrong-type = Si possono importare solo file <b>.txt</b> e <b>.json</b>. Invia un altro file oppure Annulla.
inventory-upload-reading = Lettura di { $name }…
inventory-upload-failed = Impossibile leggere il file: { $reason }. Non è stato importato nulla.
inventory-imported = ✅ Importati { $count } articoli:
inventory-rejected = ❌ Non è stato importato nulla: il file ha { $count } problemi. I primi:
inventory-rejected-more = … correggi questi e invia di nuovo il file per vedere gli altri.
inventory-ask-category = Passo 1 di 5: scrivi la <b>categoria</b> (una esistente o una nuova).
inventory-ask-subcategory = Passo 2 di 5: la <b>sottocategoria</b> in { $category }.
inventory-ask-description = Passo 3 di 5: la <b>descrizione</b> che vedono gli acquirenti, oppure - per nessuna.
inventory-ask-price = Passo 4 di 5: il <b>prezzo</b> di ogni articolo in { $currency }, ad es. 12,50.
inventory-ask-data = Passo 5 di 5: i <b>dati privati</b>, un articolo per riga: ciò che riceve ogni acquirente.
inventory-bad-answer = ⚠️ { $problem }. Scrivilo di nuovo oppure Annulla.
inventory-description-too-long = una descrizione scritta qui può avere al massimo { $max } caratteri; per testi più lunghi carica un file
inventory-no-lines = nessun articolo: scrivi una riga per articolo
inventory-ask-reprice = Il nuovo prezzo di <b>{ $name }</b> in { $currency }, ad es. 12,50. Vale per i suoi { $stock } articoli invenduti; quelli venduti mantengono il loro prezzo.
inventory-repriced = ✅ Nuovo prezzo per { $count } articoli invenduti.
users-find-ask = Scrivi l'id Telegram o lo @username dell'acquirente.
users-find-none = Nessuno è registrato come { $query }. Scrivi un altro id o @username, oppure Annulla.
users-not-found = Quell'acquirente o quell'acquisto non esiste.
users-card = <b>Acquirente { $user }</b> ({ $username })
    Registrato il { $registered } · lingua { $language }
users-banned-mark = ⛔ <b>Bloccato</b>
users-balance = Saldo: ricaricato { $topUp }, speso { $consumed }, <b>disponibile { $available }</b>
users-counts = Acquisti: { $buys } · Depositi: { $deposits }
users-button-buys = 🧾 Acquisti
users-button-deposits = 📥 Depositi
users-button-credit = ➕ Accredita
users-button-debit = ➖ Addebita
users-button-ban = ⛔ Blocca
users-button-unban = ✅ Sblocca
users-button-find = 🔎 Altro acquirente
users-banned = ⛔ Bloccato: l'acquirente è stato avvisato e d'ora in poi ogni suo messaggio riceve solo la breve risposta di blocco.
users-unbanned = ✅ Sbloccato: l'acquirente può di nuovo usare il negozio.
users-buys-title = Acquisti dell'acquirente { $user }, dal più recente:
users-buys-none = L'acquirente { $user } non ha ancora acquistato nulla.
users-deposits-title = Depositi dell'acquirente { $user }, dal più recente:
users-deposits-none = L'acquirente { $user } non ha ancora fatto depositi.
users-buy = <b>Acquisto n. { $buy }</b> dell'acquirente { $user } · { $date } · { $total }
users-buy-refunded = ↩️ Rimborsato il { $date }
users-button-refund = ↩️ Rimborsa
users-button-refund-confirm = ↩️ Sì, rimborsa
users-refund-ask = Rimborsare l'acquisto n. { $buy } riaccreditando { $total } all'acquirente { $user }? Gli articoli restano consegnati. Un acquisto si rimborsa una sola volta.
users-refunded = ✅ Acquisto n. { $buy } rimborsato: { $total } riaccreditati. Ora disponibile: { $available }.
users-already-refunded = L'acquisto n. { $buy } era già stato rimborsato; non è cambiato nulla.
users-credit-ask = Quanto <b>accreditare</b> all'acquirente { $user }, in { $currency }? Ad es. 5,00
users-debit-ask = Quanto <b>addebitare</b> all'acquirente { $user }, in { $currency }? Ad es. 5,00
users-amount-bad = ⚠️ Scrivi un importo maggiore di zero in { $currency }, ad es. 5,00, oppure Annulla.
users-reason-ask = Il motivo per { $amount } (conservato nel registro di controllo con il tuo id):
users-reason-bad = ⚠️ Scrivi un motivo da 1 a 500 caratteri, oppure Annulla.
users-credited = ✅ Accreditati { $amount } all'acquirente { $user }.
users-debited = ✅ Addebitati { $amount } all'acquirente { $user }.
users-debit-refused = ❌ Non addebitato: l'acquirente ha solo { $available } disponibili e un saldo non scende mai sotto zero.
users-adjust-failed = ❌ Nessuna modifica: { $reason }
stats-title = <b>Statistiche degli ultimi { $days } giorni</b>
stats-sales = Vendite: { $count } ({ $items } articoli) · { $total }
stats-refunds = Rimborsi: { $count } · { $total }
stats-deposits = Depositi: { $count } · { $total }
stats-new-users = Nuovi acquirenti: { $count }
stats-button-days = { $days } g
stats-button-chart = 📈 Grafico
stats-button-csv = 📄 CSV vendite
stats-chart-title = Ultimi { $days } giorni, per giorno (UTC)
stats-chart-sales = Vendite
stats-chart-refunds = Rimborsi
stats-chart-deposits = Depositi
stats-chart-new-users = Nuovi acquirenti
stats-csv-caption = { $rows } acquisti degli ultimi { $days } giorni.
notify-refunded = ↩️ Il tuo acquisto n. { $buy } è stato rimborsato: { $amount } è tornato sul tuo saldo ({ $balance } disponibili).
notify-credited = ➕ Sul tuo saldo sono stati accreditati { $amount }: { $reason }. Disponibile: { $balance }.
notify-debited = ➖ Dal tuo saldo sono stati addebitati { $amount }: { $reason }. Disponibile: { $balance }.
notify-banned = ⛔ Non puoi più usare questo negozio.
notify-unbanned = ✅ Puoi di nuovo usare questo negozio.
admin-refunded = ↩️ Acquisto n. { $buy } dell'utente { $user } rimborsato da { $admin }: { $amount }
admin-adjusted = 🧮 { $direction } { $amount } per l'utente { $user } da { $admin }: { $reason } · disponibile { $balance }
admin-ban-changed = { $state } utente { $user } da { $admin }
admin-button-announce = 📣 Annuncia
announce-title = <b>Annuncio</b> a tutti gli acquirenti: un tuo messaggio, ciò che è stato rifornito dall'ultimo avviso di rifornimento, oppure tutto ciò che è disponibile.
announce-button-broadcast = ✍️ Un messaggio
announce-button-restock = 🆕 Rifornimento
announce-button-stock = 📦 Disponibilità
announce-ask-text = Scrivi il messaggio per tutti gli acquirenti, oppure invia una foto con una didascalia.
announce-restock-title = 🆕 Riforniti:
announce-stock-title = 📦 Disponibili ora:
announce-nothing-new = Non è stato aggiunto nulla dall'ultimo avviso di rifornimento.
announce-preview = Questo arriva a tutti gli acquirenti che non hanno bloccato il bot:
announce-preview-photo = Questa foto, con questa didascalia, arriva a tutti gli acquirenti che non hanno bloccato il bot:
announce-button-send = 📣 Invia
announce-invalid = Non inviato: { $reason }.
announce-progress = 📣 L'annuncio n. { $id } è in invio: { $sent } inviati, { $failed } non riusciti, { $blocked } hanno bloccato il bot, { $left } rimasti su { $total }.
announce-done = ✅ L'annuncio n. { $id } è concluso: { $sent } inviati, { $failed } non riusciti, { $blocked } hanno bloccato il bot, su { $total }.
announce-cancelled = ⏹ L'annuncio n. { $id } è stato annullato: { $sent } inviati, { $failed } non riusciti, { $blocked } hanno bloccato il bot, { $left } non inviati, su { $total }.
announce-button-cancel = ⏹ Annulla
announce-cancelling = Annullato: non partono altri messaggi.
announce-already-ended = Questo annuncio è già concluso.

wallet-button-book = 📒 Rubrica indirizzi
book-title = Indirizzi di prelievo (un prelievo può andare solo a uno di questi):
book-empty = La rubrica indirizzi è vuota. Avvia un prelievo e scrivi un indirizzo per aggiungerlo; dalla riga di comando se ne aggiunge uno con tokenshop address add.
book-entry = { $n }. { $asset }: <code>{ $address }</code>{ $label }: { $state }
book-usable = utilizzabile
book-waiting = utilizzabile dal { $from }
book-button-remove = 🗑 Rimuovi { $n }
book-not-listed =
    <code>{ $address }</code> non è nella rubrica indirizzi.
    Aggiungerlo come indirizzo di prelievo { $asset }? Tutti gli amministratori vengono avvisati, e sarà utilizzabile { $hours } ore dopo l'aggiunta.
book-button-add = ➕ Aggiungi alla rubrica
book-added = ✅ Aggiunto <code>{ $address }</code> ({ $asset }). Tutti gli amministratori sono stati avvisati; i prelievi verso questo indirizzo sono possibili dal { $from }.
book-gone = Quell'indirizzo non è più nella rubrica.
book-removed = Rimosso.
book-notice-added = 📒 Nuovo indirizzo di prelievo { $asset } <code>{ $address }</code>, aggiunto da { $by }, utilizzabile dal { $from }. Se nessun amministratore di questo negozio l'ha aggiunto, rimuovilo subito e cambia le password Telegram degli amministratori.
book-button-remove-now = 🗑 Rimuovilo
book-notice-removed = 📒 Indirizzo di prelievo { $asset } <code>{ $address }</code> rimosso da { $by }.
approval-waiting = 🔐 Non è stato ancora inviato nulla: il prelievo di { $total } verso <code>{ $destination }</code> richiede l'approvazione di un secondo amministratore. Sono stati interpellati tutti gli amministratori; la richiesta scade il { $until }.
approval-button-approve = ✅ Approva
approval-button-reject = ✖️ Rifiuta
approval-you-rejected = Rifiutato: non viene inviato nulla.
approval-no-value = valore sconosciuto
approval-pending = 🔐 Il prelievo n. { $id } attende un secondo amministratore: { $total } ({ $value }) { $asset } verso <code>{ $destination }</code>, richiesto da { $by }. Approva solo se ne sei al corrente. Scade il { $until }.
approval-reason-daily = ⏱ Attende perché, insieme ai prelievi delle ultime 24 ore, raggiunge il totale giornaliero che richiede un secondo amministratore.
approval-approved = ✅ Prelievo n. { $id } ({ $total } verso <code>{ $destination }</code>) approvato da { $decider }: invio in corso.
approval-rejected = ✖️ Prelievo n. { $id } ({ $total } verso <code>{ $destination }</code>) rifiutato da { $decider }: non è stato inviato nulla.
approval-expired = ⌛ Il prelievo n. { $id } ({ $total } verso <code>{ $destination }</code>) è scaduto senza approvazione: non è stato inviato nulla.
approval-sent = 📤 Il prelievo n. { $id } ({ $total } verso <code>{ $destination }</code>) è stato inviato: { $note }
approval-failed = ⚠️ Il prelievo n. { $id } ({ $total } verso <code>{ $destination }</code>) è stato approvato ma non inviato: { $note }
users-button-reveal = 🔓 Mostra la merce (registrato)
users-revealed = 🔓 Segue la merce dell'acquisto n. { $buy } dell'acquirente { $user }. Questa consultazione viene registrata nel registro contabile, con il tuo nome.
admin-button-bots = 🤖 Bot
fleet-title = <b>Bot che vendono da questo negozio</b> (oltre a questo):
fleet-none = Ancora nessuno.
fleet-how = Per aggiungerne uno: crea un bot con @BotFather, poi invia qui <code>/add TOKEN</code> con il suo token. Condivide prodotti, scorte e saldi di questo negozio.
fleet-running = attivo
fleet-stopped = fermo ({ $reason })
fleet-no-update = nessun aggiornamento ancora
fleet-last-update = ultimo aggiornamento { $at }
fleet-button-remove = 🗑 Rimuovi { $bot }
fleet-remove-ask = Fermare { $bot } e dimenticare il suo token? I suoi acquirenti conservano saldi e acquisti e possono continuare in questo bot.
fleet-button-remove-confirm = 🗑 Sì, rimuovilo
fleet-removed = { $bot } è fermo e il suo token dimenticato.
fleet-added = ✅ { $bot } ({ $name }) ora vende da questo negozio.
fleet-add-usage = Invia <code>/add TOKEN</code> con il token che @BotFather ha dato per il nuovo bot.
fleet-bad-token = Questo non è un token di bot. Un token di @BotFather ha questa forma: <code>123456789:AAE…</code> (cifre, due punti, poi 35 lettere e cifre). Il tuo messaggio è stato eliminato.
fleet-token-rejected = Telegram non accetta questo token (revocato o scritto male). Non è stato aggiunto nulla. Il tuo messaggio è stato eliminato.
fleet-is-manager = Questo è il token di questo stesso bot: è già attivo.
fleet-exists = Quel bot vende già da questo negozio.
fleet-unreachable = Non è stato possibile interrogare Telegram ({ $reason }). Non è stato aggiunto nulla; riprova tra poco.
fleet-only-manager = I bot si aggiungono e si rimuovono nel bot principale del negozio.
fleet-gone = Quel bot non è più nell’elenco.
fleet-revoked = ⚠️ Telegram non accetta più il token di { $bot }: quel bot è fermo, gli altri continuano. Chiedi un nuovo token a @BotFather (/token) e invialo qui con /add.
