# Les textes pour les acheteurs en français. Chaque clé doit figurer dans tous les fichiers de langue.

menu-title = Bienvenue chez { $shop } ! Que souhaitez-vous ?
menu-categories = 🛍 Toutes les catégories
menu-profile = 👤 Mon profil
menu-cart = 🛒 Panier
menu-help = ❓ Aide
button-back = ⬅️ Retour
button-main = 🏠 Menu principal
button-previous = ◀️
button-next = ▶️
page-indicator = { $page } / { $pages }

catalog-categories = Choisissez une catégorie :
catalog-empty = Rien n'est en vente pour le moment. Revenez plus tard.
catalog-subcategories = { $category } : choisissez un article.
catalog-subcategory-line = { $name } · { $price } · { $stock } en stock
catalog-card =
    <b>{ $category } / { $name }</b>
    { $description }

    Prix : { $price }
    En stock : { $stock }
catalog-choose-quantity = Combien ? Choisissez un nombre.
catalog-sold-out = Épuisé pour le moment.
catalog-added = { $quantity } × { $name } ajouté(s) au panier.
catalog-type-quantity = Saisissez une quantité de 1 à { $max }.

cart-title = Votre panier :
cart-line = { $name } : { $quantity } × { $price } = { $total } ({ $stock } en stock)
cart-line-unavailable = { $name } : { $quantity } demandé(s), il n'en reste que { $stock }
cart-total = Total : { $total }
cart-empty = Votre panier est vide.
cart-button-checkout = ✅ Commander
cart-button-clear = 🗑 Vider le panier
cart-button-remove = ✖️ Retirer { $name }
cart-cleared = Votre panier est maintenant vide.

checkout-confirm =
    Total : { $total }
    Votre solde : { $balance }
    Confirmer l'achat ?
checkout-button-confirm = ✅ Confirmer
checkout-button-cancel = ✖️ Annuler
checkout-done = Merci ! L'achat n° { $buy } de { $total } est terminé. Vos articles :
checkout-delivery-file = Vos articles se trouvent dans le fichier joint.
checkout-empty = Votre panier est vide : ajoutez d'abord un article.
checkout-out-of-stock = Il ne reste que { $available } de { $name } (vous en avez demandé { $requested }). Modifiez la quantité dans votre panier.
checkout-insufficient = Cela coûte { $needed }, mais votre solde est de { $available }. Rechargez votre solde dans Mon profil, puis réessayez.
checkout-balance-unverified = Votre solde doit être vérifié par la boutique avant tout achat. Rien n’a été débité, et la boutique est prévenue.
checkout-already = Cet achat est déjà terminé.

profile-title =
    <b>Mon profil</b>
    Rechargé : { $topUp }
    Dépensé : { $consumed }
    Disponible : { $available }
profile-button-topup = 💰 Recharger
profile-button-history = 🧾 Mes achats
profile-button-language = 🌐 Langue
topup-not-configured = La recharge n'est pas encore disponible. Veuillez contacter le propriétaire de la boutique.
history-title = Vos achats :
history-empty = Vous n'avez encore rien acheté.
history-line = n° { $buy } · { $date } · { $quantity } art. · { $total }
history-refunded = (remboursé)
purchase-title = Achat n° { $buy } du { $date }, { $total } :
purchase-not-found = Cet achat est introuvable.

language-name = Français
language-choose = Choisissez votre langue :
language-set = Langue réglée sur le français.

help-text = Parcourez les catégories, ajoutez des articles au panier et payez avec votre solde. Vous pouvez recharger dans Mon profil.
slow-down = Un peu moins vite, s'il vous plaît.
banned = Votre accès à cette boutique a été bloqué.
button-expired = Ce bouton a expiré. Veuillez rouvrir le menu.
error-generic = Une erreur s'est produite (identifiant d'erreur { $id }). Veuillez réessayer plus tard.
admin-purchase = 🛍 Achat n° { $buy } · { $total } : { $user }
menu-admin = 🛠 Administration
catalog-button-type-quantity = ⌨️ Saisir une quantité
catalog-button-full-description = 📄 Description complète
catalog-description-title = <b>{ $category } / { $name }</b> — description complète
prompt-cancel = ✖️ Annuler
prompt-cancelled = Annulé.

topup-choose = Choisissez votre moyen de paiement :
topup-open-button = ⏳ Recharges en cours ({ $count })
topup-amount-ask =
    Combien voulez-vous recharger en { $asset } ?
    Saisissez un montant de { $min } à { $max }, avec au plus deux décimales, par ex. 25 ou 25,50.
topup-amount-invalid = Saisissez un montant de { $min } à { $max }, avec au plus deux décimales, par ex. 25,50.
topup-invoice-open =
    <b>Recharger en { $asset }</b>
    Envoyez le montant de votre choix en { $asset } à cette adresse :
    <code>{ $address }</code>
    Seule la première transaction compte. Sa valeur est créditée sur votre solde dès que le service de paiement la confirme.
    Valable jusqu'au { $expires }.
topup-invoice-fixed =
    <b>Recharger { $fiat } en { $asset }</b>
    Envoyez exactement <code>{ $amount }</code> à cette adresse :
    <code>{ $address }</code>
    Valable jusqu'au { $expires }.
topup-button-check = 🔄 Vérifier l'état
topup-open-title = Vos recharges en cours :
topup-open-empty = Vous n'avez aucune recharge en cours.
topup-open-line = { $asset } · jusqu'au { $expires }
topup-too-many = Vous avez déjà { $limit } recharges en cours. Payez-en une ou attendez qu'une expire, puis réessayez.
topup-unavailable = Le service de paiement est indisponible pour le moment. Veuillez réessayer dans quelques minutes.
topup-mismatch = Ce paiement ne correspond pas à la demande. Le propriétaire de la boutique a été prévenu et va l'examiner.
topup-status-pending = Pas encore payé. Après l'envoi, la confirmation du paiement peut prendre quelques minutes.
topup-status-expired = Cette recharge a expiré sans être payée. Vous pouvez en ouvrir une nouvelle.
topup-status-paid = ✅ Payé : { $amount } crédité. Votre solde : { $balance }.
notify-topup-credited = ✅ Votre recharge est arrivée : { $amount } crédité. Solde disponible : { $balance }.
notify-topup-expired = ⌛ Votre recharge en { $asset } a expiré sans être payée. Vous pouvez en ouvrir une nouvelle dans Mon profil.

admin-title = Menu d'administration :
admin-button-wallet = 👛 Portefeuille et retraits
wallet-title = Détenu chez le prestataire de paiement :
wallet-empty = Rien n'est détenu chez le prestataire de paiement.
wallet-button-withdraw = Retirer des { $asset }
wallet-unavailable = Impossible de lire le portefeuille : { $reason }
withdraw-ask-address = Envoyez l'adresse qui doit recevoir les { $asset }.
withdraw-bad-address = Ce n'est pas une adresse { $asset } valide ({ $reason }). Renvoyez-la ou annulez.
withdraw-preview =
    <b>Retirer des { $asset }</b>
    Vers : <code>{ $destination }</code>
    Total : { $total }
    Frais de réseau : { $networkFee }
    Frais de service : { $serviceFee }
    Reçu : { $receiving }
    Envoyer ?
withdraw-button-confirm = ✅ Envoyer
withdraw-sending = Envoi en cours…
withdraw-done = ✅ { $receiving } envoyé à <code>{ $destination }</code>. Transactions :
withdraw-failed = Le retrait n'a pas abouti : { $reason }
admin-deposit = 💰 Dépôt n° { $deposit } · utilisateur { $user } · { $amount } = { $fiat } · solde { $balance }
admin-payment-mismatch = ⚠️ Le paiement n° { $payment } de l'utilisateur { $user } ({ $asset }) a été payé mais PAS crédité : { $reason }. Appuyez ci-dessous pour interroger à nouveau le prestataire et créditer ce qui est arrivé.
admin-payment-underpaid = ⚠️ Le paiement n° { $payment } de l'utilisateur { $user } ({ $asset }) est insuffisant : { $credited } crédité sur { $asked } demandé.
notify-topup-underpaid = Votre recharge n° { $payment } est arrivée incomplète : { $credited } sur { $asked } a été crédité sur votre solde.
button-resolve-payment = ✅ Vérifier et créditer
resolve-working = Interrogation du prestataire…
resolve-done = Paiement n° { $payment } : { $amount } crédité à l'utilisateur { $user }.
resolve-already = Le paiement n° { $payment } était déjà crédité ({ $amount } à l'utilisateur { $user }) ; rien n'a changé.
resolve-failed = Le paiement n° { $payment } n'a pas été crédité : { $reason }
admin-forwarding-failed = ⚠️ Le transfert du paiement n° { $payment } ({ $asset }) vers { $destination } a échoué : { $reason }. Les fonds restent chez le prestataire.
admin-withdrawal = 📤 Retrait de { $total } ({ $by }) vers { $destination } : { $links }
admin-withdrawal-head = 🧾 Tête du journal de l’argent : { $head }
admin-balance-unverified = ⚠️ Achat refusé pour l’utilisateur { $user } : le solde enregistré ({ $stored }) ne correspond pas à la somme de ses écritures ({ $entries }). Rien n’a été débité. Lancez tokenshop audit verify.
admin-audit-head =
    🧾 Tête du journal de l’argent : { $head }
    Gardez ce message : tokenshop audit verify --head { $head } montre si le journal a été réécrit depuis.
admin-audit-unkeyed = Le journal n’est pas protégé par une clé : qui peut écrire dans la base pourrait le réécrire sans que cela se voie, sauf face à une tête notée avant.
command-start = Ouvrir la boutique
command-help = Comment ça marche
command-id = Afficher votre identifiant Telegram
id-yours = Votre identifiant Telegram est <code>{ $id }</code>.
id-yours-and-chat = Votre identifiant Telegram est <code>{ $id }</code> ; celui de cette discussion est <code>{ $chat }</code>.
wallet-button-history = 🧾 Retraits passés
withdrawals-title = Retraits, du plus récent au plus ancien :
withdrawals-empty = Aucun retrait pour l'instant.
topup-history-button = 📜 Mes recharges
topup-history-title = Vos recharges créditées, de la plus récente à la plus ancienne :
topup-history-empty = Aucune recharge n'a encore été créditée.
topup-history-line = { $date } · { $amount } = { $fiat }
deposit-address =
    <b>Votre adresse de dépôt { $asset }</b>
    <code>{ $address }</code>
    Cette adresse vous appartient définitivement : envoyez-y des { $asset } quand vous voulez, aussi souvent que vous voulez.
    Plus petit dépôt crédité : { $minimum }. Chaque dépôt est crédité après { $confirmations }, au cours du moment.
deposit-confirmations = { $count ->
    [one] { $count } confirmation
   *[other] { $count } confirmations
}
deposit-when-final = sa finalisation par le réseau (en général en moins d'une minute)
deposit-direct-only = ⚠️ Seuls les virements directs vers cette adresse sont vus : des { $asset } envoyés par un contrat intelligent (par exemple un Safe ou le retrait groupé d'une plateforme d'échange) ne sont pas vus d'eux-mêmes. Envoyez depuis un portefeuille ordinaire, ou donnez au support de la boutique le hash de la transaction.
deposit-button-check = 🔄 Vérifier
deposit-unavailable = Les dépôts en { $asset } ne sont pas disponibles pour le moment. Choisissez un autre moyen ou réessayez plus tard.
deposit-status-title = Vos dépôts en { $asset }, du plus récent au plus ancien :
deposit-status-empty = Rien n'est encore arrivé sur votre adresse { $asset }. Après l'envoi, il peut falloir une minute pour que la transaction soit visible.
deposit-state-pending = vu, { $confirmations } confirmations sur { $required }
deposit-state-pending-final = vu, en attente de finalisation
deposit-state-waiting = confirmé, crédité dès qu'un cours est disponible
deposit-state-credited = { $fiat } crédité
deposit-state-held = bloqué : la transaction a quitté la blockchain
deposit-state-vanished = n'est plus sur le réseau
deposit-state-below = sous le minimum de { $minimum } : non crédité
notify-deposit-seen = 👀 Nous voyons votre dépôt de { $amount }. Il sera crédité après { $confirmations }.
notify-deposit-below = Votre dépôt de { $amount } est inférieur au minimum de { $minimum } et n'a pas été crédité. Veuillez contacter le propriétaire de la boutique.
notify-deposit-waiting = Votre dépôt de { $amount } est confirmé. Il sera crédité dès qu'un cours sera disponible.
notify-deposit-credited = ✅ Votre dépôt de { $amount } est arrivé : { $fiat } crédité. Solde disponible : { $balance }. { $link }
notify-deposit-held = ⚠️ Votre dépôt de { $amount } ({ $fiat }) a quitté la blockchain et reste bloqué jusqu'à sa nouvelle confirmation. Solde disponible : { $balance }. { $link }
notify-deposit-released = ✅ Votre dépôt de { $amount } est de nouveau confirmé et le blocage est levé. Solde disponible : { $balance }. { $link }
admin-button-deposits = 📥 Dépôts
admin-deposits-title = <b>Dépôts sur les adresses propres</b>, du plus récent au plus ancien :
admin-deposits-none = Aucun pour l'instant.
admin-deposits-pending = En attente de confirmations ({ $count }) :
admin-deposits-waiting = Confirmés, en attente d'un cours ({ $count }) :
admin-deposits-held = Bloqués après avoir quitté la chaîne ({ $count }) :
admin-deposits-watchers = Surveillants :
admin-deposits-no-watchers = Aucun surveillant ne s'est encore manifesté.
admin-deposits-height = bloc { $height }
admin-deposits-pool = Adresses { $network } restantes dans la réserve : { $left }
admin-deposits-button-credit = 🔎 Créditer une transaction
admin-credit-ask =
    <b>Créditer une transaction par son hash</b>
    Envoyez le hash d'une transaction Ethereum qui a payé l'adresse de dépôt d'un acheteur mais n'apparaît pas ici, par exemple de l'ETH envoyé par un Safe ou par le retrait groupé d'une plateforme d'échange : 0x suivi de 64 chiffres hexadécimaux.
    La boutique lit la transaction sur son propre nœud et crédite une seule fois ce qu'elle verse aux adresses des acheteurs, avec les confirmations et le minimum habituels.
    Vous pouvez aussi envoyer <code>/credittx HASH</code> à tout moment.
admin-credit-malformed-again = Ce n'est pas un hash de transaction. Envoyez 0x suivi de 64 chiffres hexadécimaux, ou appuyez sur Annuler.
admin-credit-usage = Envoyez le hash de la transaction après la commande : <code>/credittx 0x…</code> (0x suivi de 64 chiffres hexadécimaux).
admin-credit-done =
    🔎 <b>Transaction</b> { $link }
    Ses paiements aux adresses des acheteurs, tels qu'enregistrés maintenant :
admin-credit-payment = • { $amount } à l'acheteur { $user } : { $state }
admin-credit-untraced = ⚠️ Le nœud n'a pas pu tracer cette transaction, seule sa valeur directe a donc été vérifiée : un paiement qu'un contrat a effectué à l'intérieur n'est pas visible ainsi.
admin-credit-unavailable = Les transactions ne peuvent pas être consultées ici : cette boutique n'a pas de nœud Ethereum où les lire.
admin-credit-malformed = Ce n'est pas un hash de transaction : envoyez 0x suivi de 64 chiffres hexadécimaux.
admin-credit-not-found = Le nœud ne connaît pas la transaction <code>{ $txid }</code>. Vérifiez le hash (une transaction du réseau principal Ethereum), ou réessayez une fois qu'elle aura été diffusée.
admin-credit-no-payment = La transaction <code>{ $txid }</code> ne paie aucune adresse d'acheteur : rien n'a été crédité.
admin-credit-failed = Le nœud ne peut pas être interrogé pour le moment ({ $reason }). Rien n'a changé ; réessayez plus tard.
admin-deposit-credited = 💰 Dépôt n° { $deposit } · utilisateur { $user } · { $amount } = { $fiat } · solde { $balance } · { $link }
admin-deposit-held = ⚠️ Le dépôt n° { $deposit } de l'utilisateur { $user } ({ $amount } = { $fiat }) a quitté la chaîne et est bloqué. Solde { $balance }. { $link }
admin-deposit-released = Le dépôt n° { $deposit } de l'utilisateur { $user } ({ $amount }) est de nouveau confirmé ; le blocage est levé. Solde { $balance }. { $link }
admin-deposit-waiting = ⚠️ Un dépôt de { $amount } (utilisateur { $user }) est confirmé, mais aucun cours récent n'est disponible ; il attend. Vérifiez les sources de cours.
admin-pool-low = ⚠️ Il ne reste que { $left } adresses de dépôt { $network } dans la réserve. Importez-en d'autres avec : tokenshop wallet import-sol-pool FILE
admin-pool-empty = ⛔ Plus aucune adresse de dépôt { $network } : les acheteurs ne peuvent plus recharger avec. Importez-en d'autres avec : tokenshop wallet import-sol-pool FILE
checkout-stale-changed = Votre panier a changé depuis la demande de confirmation. Rien n'a été acheté. Voici le nouveau total :
checkout-stale-expired = Cette confirmation a expiré. Rien n'a été acheté. Voici le total actuel :

# L'arrière-boutique de l'administrateur
admin-button-inventory = 📦 Inventaire
admin-button-users = 👤 Acheteurs
admin-button-stats = 📊 Statistiques
admin-button-backup = 💾 Sauvegarde
backup-working = Sauvegarde en cours…
backup-caption = La base de données de la boutique, copiée en cours de fonctionnement. Conservez-la en lieu sûr : elle contient tous les achats et tous les soldes.
backup-external = { $hint }
backup-failed = La sauvegarde a échoué : { $reason }
inventory-title = <b>Inventaire</b> : chaque catégorie avec ses articles invendus. Envoyez un fichier ou ajoutez des articles pas à pas.
inventory-empty = <b>Inventaire</b> : aucune catégorie pour l'instant. Envoyez un fichier ou ajoutez des articles pas à pas.
inventory-line = { $name } · { $stock } invendus
inventory-sub-line = { $name } · { $stock } · { $price }
inventory-button-upload = 📤 Envoyer un fichier
inventory-button-add = ➕ Ajouter des articles
inventory-category = <b>{ $category }</b> : { $stock } articles invendus.
inventory-sub = <b>{ $category } / { $subcategory }</b>
    Invendus : { $stock }
    Prochain prix : { $price }
    { $description }
inventory-button-reprice = 💲 Changer le prix
inventory-button-delete-sub = 🗑 Supprimer cette sous-catégorie
inventory-button-delete-category = 🗑 Supprimer cette catégorie
inventory-button-delete-confirm = 🗑 Oui, supprimer
inventory-delete-sub-ask = Supprimer <b>{ $name }</b> ? Ses { $stock } articles invendus sont retirés ; les articles vendus et l'historique des ventes restent.
inventory-delete-category-ask = Supprimer la catégorie <b>{ $name }</b> avec toutes ses sous-catégories ? Ses { $stock } articles invendus sont retirés ; les articles vendus et l'historique des ventes restent.
inventory-deleted = Supprimé : { $count } articles invendus retirés.
inventory-gone = Cette catégorie ou sous-catégorie n'existe plus.
inventory-upload-ask = Envoyez l'inventaire sous forme de document : un fichier <b>.txt</b> (un article par ligne : CATÉGORIE;SOUS-CATÉGORIE;DESCRIPTION;PRIX;DONNÉES_PRIVÉES) ou un fichier <b>.json</b> (un tableau d'objets avec category, subcategory, description, price, private_data). Tout ou rien : une seule ligne erronée et rien n'est importé.
inventory-upload-wrong-type = Seuls les fichiers <b>.txt</b> et <b>.json</b> peuvent être importés. Envoyez un autre fichier ou appuyez sur Annuler.
inventory-upload-reading = Lecture de { $name }…
inventory-upload-failed = Le fichier n'a pas pu être lu : { $reason }. Rien n'a été importé.
inventory-imported = ✅ { $count } articles importés :
inventory-rejected = ❌ Rien n'a été importé : le fichier comporte { $count } problèmes. Les premiers :
inventory-rejected-more = … corrigez-les et renvoyez le fichier pour voir la suite.
inventory-ask-category = Étape 1 sur 5 : saisissez la <b>catégorie</b> (existante ou nouvelle).
inventory-ask-subcategory = Étape 2 sur 5 : la <b>sous-catégorie</b> dans { $category }.
inventory-ask-description = Étape 3 sur 5 : la <b>description</b> que voient les acheteurs, ou - pour aucune.
inventory-ask-price = Étape 4 sur 5 : le <b>prix</b> de chaque article en { $currency }, par ex. 12,50.
inventory-ask-data = Étape 5 sur 5 : les <b>données privées</b>, un article par ligne : ce que reçoit chaque acheteur.
inventory-bad-answer = ⚠️ { $problem }. Saisissez-le à nouveau ou appuyez sur Annuler.
inventory-description-too-long = une description saisie ici compte au plus { $max } caractères ; pour un texte plus long, envoyez un fichier
inventory-no-lines = aucun article : saisissez une ligne par article
inventory-ask-reprice = Le nouveau prix de <b>{ $name }</b> en { $currency }, par ex. 12,50. Il s'applique à ses { $stock } articles invendus ; les articles vendus gardent leur prix.
inventory-repriced = ✅ Nouveau prix pour { $count } articles invendus.
users-find-ask = Saisissez l'identifiant Telegram ou le @nom d'utilisateur de l'acheteur.
users-find-none = Personne n'est inscrit sous { $query }. Saisissez un autre identifiant ou @nom d'utilisateur, ou appuyez sur Annuler.
users-not-found = Cet acheteur ou cet achat n'existe pas.
users-card = <b>Acheteur { $user }</b> ({ $username })
    Inscrit le { $registered } · langue { $language }
users-banned-mark = ⛔ <b>Banni</b>
users-balance = Solde : rechargé { $topUp }, dépensé { $consumed }, <b>disponible { $available }</b>
users-counts = Achats : { $buys } · Dépôts : { $deposits }
users-button-buys = 🧾 Achats
users-button-deposits = 📥 Dépôts
users-button-credit = ➕ Créditer
users-button-debit = ➖ Débiter
users-button-ban = ⛔ Bannir
users-button-unban = ✅ Débannir
users-button-find = 🔎 Autre acheteur
users-banned = ⛔ Banni : l'acheteur a été prévenu et, désormais, chacun de ses messages ne reçoit que la courte réponse « bloqué ».
users-unbanned = ✅ Débanni : l'acheteur peut de nouveau utiliser la boutique.
users-buys-title = Achats de l'acheteur { $user }, du plus récent au plus ancien :
users-buys-none = L'acheteur { $user } n'a encore rien acheté.
users-deposits-title = Dépôts de l'acheteur { $user }, du plus récent au plus ancien :
users-deposits-none = L'acheteur { $user } n'a encore fait aucun dépôt.
users-buy = <b>Achat n° { $buy }</b> de l'acheteur { $user } · { $date } · { $total }
users-buy-refunded = ↩️ Remboursé le { $date }
users-button-refund = ↩️ Rembourser
users-button-refund-confirm = ↩️ Oui, rembourser
users-refund-ask = Rembourser l'achat n° { $buy } : recréditer { $total } à l'acheteur { $user } ? Les articles restent livrés. Un achat n'est remboursé qu'une seule fois.
users-refunded = ✅ Achat n° { $buy } remboursé : { $total } recrédité. Disponible maintenant : { $available }.
users-already-refunded = L'achat n° { $buy } était déjà remboursé ; rien n'a changé.
users-credit-ask = Quel montant <b>créditer</b> à l'acheteur { $user }, en { $currency } ? Par ex. 5,00
users-debit-ask = Quel montant <b>débiter</b> sur le compte de l'acheteur { $user }, en { $currency } ? Par ex. 5,00
users-amount-bad = ⚠️ Saisissez un montant supérieur à zéro en { $currency }, par ex. 5,00, ou appuyez sur Annuler.
users-reason-ask = Le motif pour { $amount } (conservé dans le journal d'audit avec votre identifiant) :
users-reason-bad = ⚠️ Saisissez un motif de 1 à 500 caractères, ou appuyez sur Annuler.
users-credited = ✅ { $amount } crédité à l'acheteur { $user }.
users-debited = ✅ { $amount } débité de l'acheteur { $user }.
users-debit-refused = ❌ Non débité : l'acheteur n'a que { $available } de disponible, et un solde ne descend jamais sous zéro.
users-adjust-failed = ❌ Aucun changement : { $reason }
stats-title = <b>Statistiques des { $days } derniers jours</b>
stats-sales = Ventes : { $count } ({ $items } articles) · { $total }
stats-refunds = Remboursements : { $count } · { $total }
stats-deposits = Dépôts : { $count } · { $total }
stats-new-users = Nouveaux acheteurs : { $count }
stats-button-days = { $days } j
stats-button-chart = 📈 Graphique
stats-button-csv = 📄 Ventes en CSV
stats-chart-title = { $days } derniers jours, par jour (UTC)
stats-chart-sales = Ventes
stats-chart-refunds = Remboursements
stats-chart-deposits = Dépôts
stats-chart-new-users = Nouveaux acheteurs
stats-csv-caption = { $rows } achats des { $days } derniers jours.
notify-refunded = ↩️ Votre achat n° { $buy } a été remboursé : { $amount } est de retour sur votre solde ({ $balance } disponible).
notify-credited = ➕ { $amount } a été crédité sur votre solde : { $reason }. Disponible : { $balance }.
notify-debited = ➖ { $amount } a été débité de votre solde : { $reason }. Disponible : { $balance }.
notify-banned = ⛔ Vous ne pouvez plus utiliser cette boutique.
notify-unbanned = ✅ Vous pouvez de nouveau utiliser cette boutique.
admin-refunded = ↩️ Achat n° { $buy } de l'utilisateur { $user } remboursé par { $admin } : { $amount }
admin-adjusted = 🧮 { $direction } { $amount } pour l'utilisateur { $user } par { $admin } : { $reason } · disponible { $balance }
admin-ban-changed = { $state } utilisateur { $user } par { $admin }
admin-button-announce = 📣 Annoncer
announce-title = <b>Annoncer</b> à tous les acheteurs : un message de votre choix, ce qui a été réapprovisionné depuis le dernier message de réassort, ou tout le stock.
announce-button-broadcast = ✍️ Un message
announce-button-restock = 🆕 Réassort
announce-button-stock = 📦 Stock actuel
announce-ask-text = Saisissez le message pour tous les acheteurs, ou envoyez une photo avec une légende.
announce-restock-title = 🆕 Réapprovisionné :
announce-stock-title = 📦 En stock maintenant :
announce-nothing-new = Rien n'a été ajouté depuis le dernier message de réassort.
announce-preview = Ceci sera envoyé à tous les acheteurs qui n'ont pas bloqué le bot :
announce-preview-photo = Cette photo, avec cette légende, sera envoyée à tous les acheteurs qui n'ont pas bloqué le bot :
announce-button-send = 📣 Envoyer
announce-invalid = Non envoyé : { $reason }.
announce-progress = 📣 L'annonce n° { $id } est en cours d'envoi : { $sent } envoyés, { $failed } échecs, { $blocked } ont bloqué le bot, { $left } restants sur { $total }.
announce-done = ✅ L'annonce n° { $id } est terminée : { $sent } envoyés, { $failed } échecs, { $blocked } ont bloqué le bot, sur { $total }.
announce-cancelled = ⏹ L'annonce n° { $id } a été annulée : { $sent } envoyés, { $failed } échecs, { $blocked } ont bloqué le bot, { $left } non envoyés, sur { $total }.
announce-button-cancel = ⏹ Annuler
announce-cancelling = Annulé : plus aucun message ne part.
announce-already-ended = Cette annonce est déjà terminée.

wallet-button-book = 📒 Carnet d'adresses
book-title = Adresses de retrait (un retrait ne peut aller qu'à l'une d'elles) :
book-empty = Le carnet d'adresses est vide. Commencez un retrait et saisissez une adresse pour l'ajouter ; en ligne de commande, tokenshop address add en ajoute une.
book-entry = { $n }. { $asset } : <code>{ $address }</code>{ $label } : { $state }
book-usable = utilisable
book-waiting = utilisable à partir du { $from }
book-button-remove = 🗑 Retirer { $n }
book-not-listed =
    <code>{ $address }</code> n'est pas dans le carnet d'adresses.
    L'ajouter comme adresse de retrait { $asset } ? Tous les administrateurs sont prévenus, et elle sera utilisable { $hours } heures après son ajout.
book-button-add = ➕ Ajouter au carnet
book-added = ✅ <code>{ $address }</code> ({ $asset }) ajoutée. Tous les administrateurs ont été prévenus ; les retraits vers cette adresse sont possibles à partir du { $from }.
book-gone = Cette adresse n'est plus dans le carnet d'adresses.
book-removed = Retirée.
book-notice-added = 📒 Nouvelle adresse de retrait { $asset } <code>{ $address }</code>, ajoutée par { $by }, utilisable à partir du { $from }. Si aucun administrateur de cette boutique ne l'a ajoutée, retirez-la immédiatement et changez les mots de passe Telegram des administrateurs.
book-button-remove-now = 🗑 La retirer
book-notice-removed = 📒 Adresse de retrait { $asset } <code>{ $address }</code> retirée par { $by }.
approval-waiting = 🔐 Rien n'a encore été envoyé : le retrait de { $total } vers <code>{ $destination }</code> nécessite l'approbation d'un second administrateur. Tous les administrateurs ont été sollicités ; la demande expire le { $until }.
approval-button-approve = ✅ Approuver
approval-button-reject = ✖️ Refuser
approval-you-rejected = Refusé : rien n'est envoyé.
approval-no-value = valeur inconnue
approval-pending = 🔐 Le retrait n° { $id } attend un second administrateur : { $total } ({ $value }) { $asset } vers <code>{ $destination }</code>, demandé par { $by }. N'approuvez que si vous êtes au courant. Il expire le { $until }.
approval-reason-daily = ⏱ Il attend car, avec les retraits des dernières 24 heures, il atteint le total journalier qui exige un second administrateur.
approval-approved = ✅ Retrait n° { $id } ({ $total } vers <code>{ $destination }</code>) approuvé par { $decider } : envoi en cours.
approval-rejected = ✖️ Retrait n° { $id } ({ $total } vers <code>{ $destination }</code>) refusé par { $decider } : rien n'a été envoyé.
approval-expired = ⌛ Le retrait n° { $id } ({ $total } vers <code>{ $destination }</code>) a expiré sans approbation : rien n'a été envoyé.
approval-sent = 📤 Le retrait n° { $id } ({ $total } vers <code>{ $destination }</code>) a été envoyé : { $note }
approval-failed = ⚠️ Le retrait n° { $id } ({ $total } vers <code>{ $destination }</code>) a été approuvé mais pas envoyé : { $note }
users-button-reveal = 🔓 Afficher la marchandise (journalisé)
users-revealed = 🔓 Voici la marchandise de l'achat n° { $buy } de l'acheteur { $user }. Cette consultation est enregistrée dans le journal financier, avec votre nom.
admin-button-bots = 🤖 Bots
fleet-title = <b>Bots qui vendent depuis cette boutique</b> (en plus de celui-ci) :
fleet-none = Aucun pour l’instant.
fleet-how = Pour en ajouter un : créez un bot avec @BotFather, puis envoyez ici <code>/add TOKEN</code> avec son jeton. Il partage les produits, le stock et les soldes de cette boutique.
fleet-running = en marche
fleet-stopped = arrêté ({ $reason })
fleet-no-update = aucune mise à jour encore
fleet-last-update = dernière mise à jour { $at }
fleet-button-remove = 🗑 Retirer { $bot }
fleet-remove-ask = Arrêter { $bot } et oublier son jeton ? Ses acheteurs gardent soldes et achats, et peuvent continuer dans ce bot.
fleet-button-remove-confirm = 🗑 Oui, le retirer
fleet-removed = { $bot } est arrêté et son jeton oublié.
fleet-added = ✅ { $bot } ({ $name }) vend désormais depuis cette boutique.
fleet-add-usage = Envoyez <code>/add TOKEN</code> avec le jeton que @BotFather a donné pour le nouveau bot.
fleet-bad-token = Ce n’est pas un jeton de bot. Un jeton de @BotFather ressemble à <code>123456789:AAE…</code> (des chiffres, deux-points, puis 35 lettres et chiffres). Votre message a été supprimé.
fleet-token-rejected = Telegram n’accepte pas ce jeton (révoqué ou mal saisi). Rien n’a été ajouté. Votre message a été supprimé.
fleet-is-manager = C’est le jeton de ce bot lui-même : il tourne déjà.
fleet-exists = Ce bot vend déjà depuis cette boutique.
fleet-unreachable = Telegram n’a pas pu être interrogé ({ $reason }). Rien n’a été ajouté ; réessayez dans un instant.
fleet-only-manager = Les bots s’ajoutent et se retirent dans le bot principal de la boutique.
fleet-gone = Ce bot n’est plus dans la liste.
fleet-revoked = ⚠️ Telegram n’accepte plus le jeton de { $bot } : ce bot est arrêté, les autres continuent. Demandez un nouveau jeton à @BotFather (/token) et envoyez-le ici avec /add.
