# Los textos para compradores en español. Cada clave debe estar en todos los archivos de idioma.

menu-title = ¡Bienvenido a { $shop }! Elige lo que necesitas:
menu-categories = 🛍 Todas las categorías
menu-profile = 👤 Mi perfil
menu-cart = 🛒 Carrito
menu-help = ❓ Ayuda
button-back = ⬅️ Atrás
button-main = 🏠 Menú principal
button-previous = ◀️
button-next = ▶️
page-indicator = { $page } / { $pages }

catalog-categories = Elige una categoría:
catalog-empty = Ahora mismo no hay nada a la venta. Vuelve más tarde.
catalog-subcategories = { $category }: elige un artículo.
catalog-subcategory-line = { $name } · { $price } · quedan { $stock }
catalog-card =
    <b>{ $category } / { $name }</b>
    { $description }

    Precio: { $price }
    Disponibles: { $stock }
catalog-choose-quantity = ¿Cuántos? Elige un número.
catalog-sold-out = Agotado por ahora.
catalog-added = Añadido al carrito: { $quantity } × { $name }.
catalog-type-quantity = Escribe una cantidad de 1 a { $max }.

cart-title = Tu carrito:
cart-line = { $name }: { $quantity } × { $price } = { $total } ({ $stock } disponibles)
cart-line-unavailable = { $name }: pediste { $quantity }, solo quedan { $stock }
cart-total = Total: { $total }
cart-empty = Tu carrito está vacío.
cart-button-checkout = ✅ Pagar
cart-button-clear = 🗑 Vaciar carrito
cart-button-remove = ✖️ Quitar { $name }
cart-cleared = Tu carrito está vacío ahora.

checkout-confirm =
    Total: { $total }
    Tu saldo: { $balance }
    ¿Confirmas la compra?
checkout-button-confirm = ✅ Confirmar
checkout-button-cancel = ✖️ Cancelar
checkout-done = ¡Gracias! La compra #{ $buy } por { $total } se ha completado. Tus artículos:
checkout-delivery-file = Tus artículos están en el archivo adjunto.
checkout-empty = Tu carrito está vacío: añade algo primero.
checkout-out-of-stock = Solo quedan { $available } de { $name } (pediste { $requested }). Cambia la cantidad en tu carrito.
checkout-insufficient = Esto cuesta { $needed }, pero tu saldo es { $available }. Recarga tu saldo en Mi perfil e inténtalo de nuevo.
checkout-balance-unverified = La tienda debe revisar tu saldo antes de que puedas comprar. No se ha cobrado nada y la tienda ya está avisada.
checkout-already = Esta compra ya se ha completado.

profile-title =
    <b>Mi perfil</b>
    Recargado: { $topUp }
    Gastado: { $consumed }
    Disponible: { $available }
profile-button-topup = 💰 Recargar
profile-button-history = 🧾 Mis compras
profile-button-language = 🌐 Idioma
topup-not-configured = Todavía no se puede recargar. Ponte en contacto con el dueño de la tienda.
history-title = Tus compras:
history-empty = Todavía no has comprado nada.
history-line = #{ $buy } · { $date } · { $quantity } art. · { $total }
history-refunded = (reembolsada)
purchase-title = Compra #{ $buy } del { $date }, { $total }:
purchase-not-found = No se encontró esta compra.

language-name = Español
language-choose = Elige tu idioma:
language-set = Idioma cambiado a español.

help-text = Explora las categorías, añade artículos al carrito y paga con tu saldo. Puedes recargar en Mi perfil.
slow-down = Más despacio, por favor.
banned = Se ha bloqueado tu acceso a esta tienda.
button-expired = Este botón ha caducado. Abre el menú de nuevo.
error-generic = Algo salió mal (id de error { $id }). Inténtalo de nuevo más tarde.
admin-purchase = 🛍 Compra #{ $buy } · { $total }: { $user }
menu-admin = 🛠 Administración
catalog-button-type-quantity = ⌨️ Escribir cantidad
catalog-button-full-description = 📄 Descripción completa
catalog-description-title = <b>{ $category } / { $name }</b> — descripción completa
prompt-cancel = ✖️ Cancelar
prompt-cancelled = Cancelado.

topup-choose = Elige con qué vas a pagar:
topup-open-button = ⏳ Recargas abiertas ({ $count })
topup-amount-ask =
    ¿Cuánto quieres recargar con { $asset }?
    Escribe un importe de { $min } a { $max }, con dos decimales como máximo, p. ej. 25 o 25,50.
topup-amount-invalid = Escribe un importe de { $min } a { $max }, con dos decimales como máximo, p. ej. 25,50.
topup-invoice-open =
    <b>Recargar con { $asset }</b>
    Envía cualquier cantidad de { $asset } a esta dirección:
    <code>{ $address }</code>
    Cuenta la primera transacción. Su valor se abona a tu saldo en cuanto el servicio de pago la confirme.
    Válido hasta { $expires }.
topup-invoice-fixed =
    <b>Recargar { $fiat } con { $asset }</b>
    Envía exactamente <code>{ $amount }</code> a esta dirección:
    <code>{ $address }</code>
    Válido hasta { $expires }.
topup-button-check = 🔄 Ver estado
topup-open-title = Tus recargas abiertas:
topup-open-empty = No tienes recargas abiertas.
topup-open-line = { $asset } · hasta { $expires }
topup-too-many = Ya tienes { $limit } recargas abiertas. Paga una de ellas o espera a que caduque alguna, y vuelve a intentarlo.
topup-unavailable = El servicio de pago no está disponible en este momento. Inténtalo de nuevo en unos minutos.
topup-mismatch = Este pago no coincide con lo solicitado. El dueño de la tienda ha sido avisado y lo revisará.
topup-status-pending = Aún no está pagado. Después de enviar, el pago puede tardar unos minutos en confirmarse.
topup-status-expired = Esta recarga caducó sin pagarse. Puedes abrir una nueva.
topup-status-paid = ✅ Pagado: se abonaron { $amount }. Tu saldo: { $balance }.
notify-topup-credited = ✅ Tu recarga ha llegado: se abonaron { $amount }. Saldo disponible: { $balance }.
notify-topup-expired = ⌛ Tu recarga con { $asset } caducó sin pagarse. Puedes abrir una nueva en Mi perfil.

admin-title = Menú de administración:
admin-button-wallet = 👛 Monedero y retiros
wallet-title = Guardado en el procesador de pagos:
wallet-empty = No hay nada guardado en el procesador de pagos.
wallet-button-withdraw = Retirar { $asset }
wallet-unavailable = No se puede leer el monedero: { $reason }
withdraw-ask-address = Envía la dirección que debe recibir los { $asset }.
withdraw-bad-address = Esa no es una dirección de { $asset } válida ({ $reason }). Envíala de nuevo o cancela.
withdraw-preview =
    <b>Retirar { $asset }</b>
    A: <code>{ $destination }</code>
    Total: { $total }
    Comisión de red: { $networkFee }
    Comisión del servicio: { $serviceFee }
    Se recibe: { $receiving }
    ¿Enviar?
withdraw-button-confirm = ✅ Enviar
withdraw-sending = Enviando…
withdraw-done = ✅ Se enviaron { $receiving } a <code>{ $destination }</code>. Transacciones:
withdraw-failed = El retiro no se realizó: { $reason }
admin-deposit = 💰 Depósito #{ $deposit } · usuario { $user } · { $amount } = { $fiat } · saldo { $balance }
admin-payment-mismatch = ⚠️ El pago #{ $payment } del usuario { $user } ({ $asset }) se pagó pero NO se abonó: { $reason }. Pulsa abajo para consultar de nuevo al procesador y abonar lo que llegó.
admin-payment-underpaid = ⚠️ El pago #{ $payment } del usuario { $user } ({ $asset }) llegó incompleto: se abonaron { $credited } de { $asked } solicitados.
notify-topup-underpaid = Tu recarga #{ $payment } llegó incompleta: se abonaron a tu saldo { $credited } de { $asked }.
button-resolve-payment = ✅ Comprobar y abonar
resolve-working = Consultando al procesador…
resolve-done = Pago #{ $payment }: se abonaron { $amount } al usuario { $user }.
resolve-already = El pago #{ $payment } ya estaba abonado ({ $amount } al usuario { $user }); no ha cambiado nada.
resolve-failed = El pago #{ $payment } no se abonó: { $reason }
admin-forwarding-failed = ⚠️ Falló el reenvío del pago #{ $payment } ({ $asset }) a { $destination }: { $reason }. Los fondos siguen en el procesador.
admin-withdrawal = 📤 Retiro de { $total } ({ $by }) a { $destination }: { $links }
admin-withdrawal-head = 🧾 Cabeza del registro de dinero: { $head }
admin-balance-unverified = ⚠️ Compra rechazada para el usuario { $user }: el saldo guardado ({ $stored }) no es la suma de sus movimientos ({ $entries }). No se ha cobrado nada. Ejecuta tokenshop audit verify.
admin-audit-head =
    🧾 Cabeza del registro de dinero: { $head }
    Guarda este mensaje: tokenshop audit verify --head { $head } muestra si el registro se ha reescrito desde entonces.
admin-audit-unkeyed = El registro no tiene clave: quien pueda escribir en la base de datos podría reescribirlo sin que se note, salvo frente a una cabeza anotada antes.
command-start = Abrir la tienda
command-help = Cómo funciona
command-id = Ver tu id de Telegram
id-yours = Tu id de Telegram es <code>{ $id }</code>.
id-yours-and-chat = Tu id de Telegram es <code>{ $id }</code>; el id de este chat es <code>{ $chat }</code>.
wallet-button-history = 🧾 Retiros anteriores
withdrawals-title = Retiros, los más recientes primero:
withdrawals-empty = Todavía no hay retiros.
topup-history-button = 📜 Mis recargas
topup-history-title = Tus recargas abonadas, las más recientes primero:
topup-history-empty = Todavía no se ha abonado ninguna recarga.
topup-history-line = { $date } · { $amount } = { $fiat }
deposit-address =
    <b>Tu dirección de depósito de { $asset }</b>
    <code>{ $address }</code>
    Esta dirección es tuya para siempre: envía { $asset } cuando quieras y tantas veces como quieras.
    Depósito mínimo que se abona: { $minimum }. Cada depósito se abona después de { $confirmations }, al precio de ese momento.
deposit-confirmations = { $count ->
    [one] { $count } confirmación
   *[other] { $count } confirmaciones
}
deposit-when-final = que la red lo confirme definitivamente (normalmente en menos de un minuto)
deposit-direct-only = ⚠️ Solo se ven las transferencias directas a esta dirección: el { $asset } enviado por un contrato inteligente (por ejemplo, una Safe o el retiro agrupado de un exchange) no se ve por sí solo. Envía desde una billetera normal o facilita al soporte de la tienda el hash de la transacción.
deposit-button-check = 🔄 Comprobar
deposit-unavailable = Los depósitos en { $asset } no están disponibles ahora. Elige otra forma de pago o inténtalo más tarde.
deposit-status-title = Tus depósitos de { $asset }, los más recientes primero:
deposit-status-empty = Todavía no ha llegado nada a tu dirección de { $asset }. Después de enviar, la transacción puede tardar un minuto en verse.
deposit-state-pending = visto, { $confirmations } de { $required } confirmaciones
deposit-state-pending-final = visto, esperando a que sea definitivo
deposit-state-waiting = confirmado, se abonará en cuanto haya un precio disponible
deposit-state-credited = abonado { $fiat }
deposit-state-held = retenido: la transacción salió de la cadena de bloques
deposit-state-vanished = ya no está en la red
deposit-state-below = por debajo del mínimo de { $minimum }: no abonado
notify-deposit-seen = 👀 Vemos tu depósito de { $amount }. Se abonará después de { $confirmations }.
notify-deposit-below = Tu depósito de { $amount } está por debajo del mínimo de { $minimum } y no se abonó. Ponte en contacto con el dueño de la tienda.
notify-deposit-waiting = Tu depósito de { $amount } está confirmado. Se abonará en cuanto haya un precio disponible.
notify-deposit-credited = ✅ Tu depósito de { $amount } ha llegado: se abonaron { $fiat }. Saldo disponible: { $balance }. { $link }
notify-deposit-held = ⚠️ Tu depósito de { $amount } ({ $fiat }) salió de la cadena de bloques y queda retenido hasta que se confirme de nuevo. Saldo disponible: { $balance }. { $link }
notify-deposit-released = ✅ Tu depósito de { $amount } está confirmado de nuevo y se liberó la retención. Saldo disponible: { $balance }. { $link }
admin-button-deposits = 📥 Depósitos
admin-deposits-title = <b>Depósitos a direcciones propias</b>, los más recientes primero:
admin-deposits-none = Ninguno todavía.
admin-deposits-pending = Esperando confirmaciones ({ $count }):
admin-deposits-waiting = Confirmados, esperando un precio ({ $count }):
admin-deposits-held = Retenidos tras salir de la cadena ({ $count }):
admin-deposits-watchers = Vigilantes:
admin-deposits-no-watchers = Ningún vigilante ha informado todavía.
admin-deposits-height = bloque { $height }
admin-deposits-pool = Direcciones de { $network } que quedan en la reserva: { $left }
admin-deposits-button-credit = 🔎 Abonar una transacción
admin-credit-ask =
    <b>Abonar una transacción por su hash</b>
    Envía el hash de una transacción de Ethereum que pagó a la dirección de depósito de un comprador pero no aparece aquí, p. ej. ETH enviado por una Safe o por el retiro agrupado de un exchange: 0x seguido de 64 dígitos hexadecimales.
    La tienda lee la transacción de su propio nodo y abona una sola vez lo que paga a direcciones de compradores, con las confirmaciones y el mínimo habituales.
    También puedes enviar <code>/credittx HASH</code> en cualquier momento.
admin-credit-malformed-again = Eso no es un hash de transacción. Envía 0x seguido de 64 dígitos hexadecimales, o pulsa Cancelar.
admin-credit-usage = Envía el hash de la transacción después del comando: <code>/credittx 0x…</code> (0x seguido de 64 dígitos hexadecimales).
admin-credit-done =
    🔎 <b>Transacción</b> { $link }
    Sus pagos a direcciones de compradores, tal como constan ahora:
admin-credit-payment = • { $amount } al comprador { $user }: { $state }
admin-credit-untraced = ⚠️ El nodo no pudo rastrear esta transacción, así que solo se comprobó su valor directo: un pago que un contrato hizo dentro de ella no se ve de este modo.
admin-credit-unavailable = Aquí no se pueden consultar transacciones: esta tienda no tiene un nodo de Ethereum del que leerlas.
admin-credit-malformed = Eso no es un hash de transacción: envía 0x seguido de 64 dígitos hexadecimales.
admin-credit-not-found = El nodo no conoce la transacción <code>{ $txid }</code>. Comprueba el hash (una transacción de la red principal de Ethereum) o inténtalo de nuevo cuando se haya difundido.
admin-credit-no-payment = La transacción <code>{ $txid }</code> no paga a ninguna dirección de comprador: no se abonó nada.
admin-credit-failed = Ahora no se puede consultar el nodo ({ $reason }). No ha cambiado nada; inténtalo de nuevo más tarde.
admin-deposit-credited = 💰 Depósito #{ $deposit } · usuario { $user } · { $amount } = { $fiat } · saldo { $balance } · { $link }
admin-deposit-held = ⚠️ El depósito #{ $deposit } del usuario { $user } ({ $amount } = { $fiat }) salió de la cadena y queda retenido. Saldo { $balance }. { $link }
admin-deposit-released = El depósito #{ $deposit } del usuario { $user } ({ $amount }) está confirmado de nuevo; se liberó la retención. Saldo { $balance }. { $link }
admin-deposit-waiting = ⚠️ Un depósito de { $amount } (usuario { $user }) está confirmado, pero no hay un precio reciente; queda a la espera. Revisa las fuentes de precios.
admin-pool-low = ⚠️ Solo quedan { $left } direcciones de depósito de { $network } en la reserva. Importa más con: tokenshop wallet import-sol-pool FILE
admin-pool-empty = ⛔ No queda ninguna dirección de depósito de { $network }: los compradores no pueden recargar con ella. Importa más con: tokenshop wallet import-sol-pool FILE
checkout-stale-changed = Tu carrito cambió desde que se te pidió confirmar. No se compró nada. Este es el nuevo total:
checkout-stale-expired = Esa confirmación ha caducado. No se compró nada. Este es el total ahora:

# La trastienda del administrador
admin-button-inventory = 📦 Inventario
admin-button-users = 👤 Compradores
admin-button-stats = 📊 Estadísticas
admin-button-backup = 💾 Copia de seguridad
backup-working = Haciendo una copia de seguridad…
backup-caption = La base de datos de la tienda, copiada en marcha. Guárdala en un lugar seguro: contiene todas las compras y saldos.
backup-external = { $hint }
backup-failed = La copia de seguridad falló: { $reason }
inventory-title = <b>Inventario</b>: cada categoría con sus artículos sin vender. Sube un archivo o añade artículos paso a paso.
inventory-empty = <b>Inventario</b>: todavía no hay categorías. Sube un archivo o añade artículos paso a paso.
inventory-line = { $name } · { $stock } sin vender
inventory-sub-line = { $name } · { $stock } · { $price }
inventory-button-upload = 📤 Subir un archivo
inventory-button-add = ➕ Añadir artículos
inventory-category = <b>{ $category }</b>: { $stock } artículos sin vender.
inventory-sub = <b>{ $category } / { $subcategory }</b>
    Sin vender: { $stock }
    Próximo precio: { $price }
    { $description }
inventory-button-reprice = 💲 Cambiar el precio
inventory-button-delete-sub = 🗑 Eliminar esta subcategoría
inventory-button-delete-category = 🗑 Eliminar esta categoría
inventory-button-delete-confirm = 🗑 Sí, eliminar
inventory-delete-sub-ask = ¿Eliminar <b>{ $name }</b>? Se quitan sus { $stock } artículos sin vender; los vendidos y el historial de ventas se conservan.
inventory-delete-category-ask = ¿Eliminar la categoría <b>{ $name }</b> con todas sus subcategorías? Se quitan sus { $stock } artículos sin vender; los vendidos y el historial de ventas se conservan.
inventory-deleted = Eliminado: se quitaron { $count } artículos sin vender.
inventory-gone = Esa categoría o subcategoría ya no existe.
inventory-upload-ask = Envía el inventario como documento: un archivo <b>.txt</b> (un artículo por línea: CATEGORÍA;SUBCATEGORÍA;DESCRIPCIÓN;PRECIO;DATOS_PRIVADOS) o un archivo <b>.json</b> (un array de objetos con category, subcategory, description, price, private_data). Todo o nada: con una sola línea errónea no se importa nada.
inventory-upload-wrong-type = Solo se pueden importar archivos <b>.txt</b> y <b>.json</b>. Envía otro archivo o pulsa Cancelar.
inventory-upload-reading = Leyendo { $name }…
inventory-upload-failed = No se pudo leer el archivo: { $reason }. No se importó nada.
inventory-imported = ✅ Se importaron { $count } artículos:
inventory-rejected = ❌ No se importó nada: el archivo tiene { $count } problemas. Los primeros:
inventory-rejected-more = … corrige estos y vuelve a enviar el archivo para ver el resto.
inventory-ask-category = Paso 1 de 5: escribe la <b>categoría</b> (una existente o una nueva).
inventory-ask-subcategory = Paso 2 de 5: la <b>subcategoría</b> dentro de { $category }.
inventory-ask-description = Paso 3 de 5: la <b>descripción</b> que ven los compradores, o - para ninguna.
inventory-ask-price = Paso 4 de 5: el <b>precio</b> de cada artículo en { $currency }, p. ej. 12,50.
inventory-ask-data = Paso 5 de 5: los <b>datos privados</b>, un artículo por línea: lo que recibe cada comprador.
inventory-bad-answer = ⚠️ { $problem }. Escríbelo de nuevo o pulsa Cancelar.
inventory-description-too-long = una descripción escrita aquí puede tener como máximo { $max } caracteres; para textos más largos, sube un archivo
inventory-no-lines = ningún artículo: escribe una línea por artículo
inventory-ask-reprice = El nuevo precio de <b>{ $name }</b> en { $currency }, p. ej. 12,50. Se aplica a sus { $stock } artículos sin vender; los vendidos mantienen su precio.
inventory-repriced = ✅ Nuevo precio para { $count } artículos sin vender.
users-find-ask = Escribe el id de Telegram o el @usuario del comprador.
users-find-none = No hay nadie registrado como { $query }. Escribe otro id o @usuario, o pulsa Cancelar.
users-not-found = Ese comprador o esa compra no existe.
users-card = <b>Comprador { $user }</b> ({ $username })
    Registrado el { $registered } · idioma { $language }
users-banned-mark = ⛔ <b>Bloqueado</b>
users-balance = Saldo: recargado { $topUp }, gastado { $consumed }, <b>disponible { $available }</b>
users-counts = Compras: { $buys } · Depósitos: { $deposits }
users-button-buys = 🧾 Compras
users-button-deposits = 📥 Depósitos
users-button-credit = ➕ Abonar
users-button-debit = ➖ Descontar
users-button-ban = ⛔ Bloquear
users-button-unban = ✅ Desbloquear
users-button-find = 🔎 Otro comprador
users-banned = ⛔ Bloqueado: se avisó al comprador y, a partir de ahora, cada mensaje suyo recibe solo la breve respuesta de bloqueo.
users-unbanned = ✅ Desbloqueado: el comprador puede volver a usar la tienda.
users-buys-title = Compras del comprador { $user }, las más recientes primero:
users-buys-none = El comprador { $user } todavía no ha comprado nada.
users-deposits-title = Depósitos del comprador { $user }, los más recientes primero:
users-deposits-none = El comprador { $user } todavía no ha hecho ningún depósito.
users-buy = <b>Compra #{ $buy }</b> del comprador { $user } · { $date } · { $total }
users-buy-refunded = ↩️ Reembolsada el { $date }
users-button-refund = ↩️ Reembolsar
users-button-refund-confirm = ↩️ Sí, reembolsar
users-refund-ask = ¿Reembolsar la compra #{ $buy } y devolver { $total } al comprador { $user }? Los artículos siguen entregados. Una compra solo se reembolsa una vez.
users-refunded = ✅ Compra #{ $buy } reembolsada: se devolvieron { $total }. Disponible ahora: { $available }.
users-already-refunded = La compra #{ $buy } ya estaba reembolsada; no ha cambiado nada.
users-credit-ask = ¿Cuánto <b>abonar</b> al comprador { $user }, en { $currency }? P. ej. 5,00
users-debit-ask = ¿Cuánto <b>descontar</b> al comprador { $user }, en { $currency }? P. ej. 5,00
users-amount-bad = ⚠️ Escribe un importe mayor que cero en { $currency }, p. ej. 5,00, o pulsa Cancelar.
users-reason-ask = El motivo de { $amount } (se guarda en el registro de auditoría con tu id):
users-reason-bad = ⚠️ Escribe un motivo de 1 a 500 caracteres o pulsa Cancelar.
users-credited = ✅ Se abonaron { $amount } al comprador { $user }.
users-debited = ✅ Se descontaron { $amount } al comprador { $user }.
users-debit-refused = ❌ No se descontó: el comprador solo tiene { $available } disponibles y un saldo nunca baja de cero.
users-adjust-failed = ❌ Sin cambios: { $reason }
stats-title = <b>Estadísticas de los últimos { $days } días</b>
stats-sales = Ventas: { $count } ({ $items } artículos) · { $total }
stats-refunds = Reembolsos: { $count } · { $total }
stats-deposits = Depósitos: { $count } · { $total }
stats-new-users = Compradores nuevos: { $count }
stats-button-days = { $days } d
stats-button-chart = 📈 Gráfico
stats-button-csv = 📄 CSV de ventas
stats-chart-title = Últimos { $days } días, por día (UTC)
stats-chart-sales = Ventas
stats-chart-refunds = Reembolsos
stats-chart-deposits = Depósitos
stats-chart-new-users = Compradores nuevos
stats-csv-caption = { $rows } compras de los últimos { $days } días.
notify-refunded = ↩️ Tu compra #{ $buy } fue reembolsada: { $amount } vuelve a tu saldo ({ $balance } disponibles).
notify-credited = ➕ Se abonaron { $amount } a tu saldo: { $reason }. Disponible: { $balance }.
notify-debited = ➖ Se descontaron { $amount } de tu saldo: { $reason }. Disponible: { $balance }.
notify-banned = ⛔ Ya no puedes usar esta tienda.
notify-unbanned = ✅ Puedes volver a usar esta tienda.
admin-refunded = ↩️ Compra #{ $buy } del usuario { $user } reembolsada por { $admin }: { $amount }
admin-adjusted = 🧮 { $direction } { $amount } para el usuario { $user } por { $admin }: { $reason } · disponible { $balance }
admin-ban-changed = { $state } usuario { $user } por { $admin }
admin-button-announce = 📣 Anunciar
announce-title = <b>Anunciar</b> a todos los compradores: un mensaje propio, lo repuesto desde el último aviso de reposición o todo lo que hay en stock.
announce-button-broadcast = ✍️ Un mensaje
announce-button-restock = 🆕 Reposición
announce-button-stock = 📦 Stock actual
announce-ask-text = Escribe el mensaje para todos los compradores o envía una foto con un pie de foto.
announce-restock-title = 🆕 Repuesto:
announce-stock-title = 📦 En stock ahora:
announce-nothing-new = No se ha añadido nada desde el último aviso de reposición.
announce-preview = Esto llega a todos los compradores que no han bloqueado el bot:
announce-preview-photo = Esta foto, con este pie, llega a todos los compradores que no han bloqueado el bot:
announce-button-send = 📣 Enviar
announce-invalid = No enviado: { $reason }.
announce-progress = 📣 El anuncio #{ $id } se está enviando: { $sent } enviados, { $failed } fallidos, { $blocked } bloquearon el bot, quedan { $left } de { $total }.
announce-done = ✅ El anuncio #{ $id } ha terminado: { $sent } enviados, { $failed } fallidos, { $blocked } bloquearon el bot, de { $total }.
announce-cancelled = ⏹ El anuncio #{ $id } se canceló: { $sent } enviados, { $failed } fallidos, { $blocked } bloquearon el bot, { $left } sin enviar, de { $total }.
announce-button-cancel = ⏹ Cancelar
announce-cancelling = Cancelado: no se envían más mensajes.
announce-already-ended = Este anuncio ya ha terminado.

wallet-button-book = 📒 Libreta de direcciones
book-title = Direcciones de retiro (un retiro solo puede ir a una de ellas):
book-empty = La libreta de direcciones está vacía. Inicia un retiro y escribe una dirección para añadirla; en la línea de comandos se añade con tokenshop address add.
book-entry = { $n }. { $asset }: <code>{ $address }</code>{ $label }: { $state }
book-usable = utilizable
book-waiting = utilizable desde { $from }
book-button-remove = 🗑 Quitar { $n }
book-not-listed =
    <code>{ $address }</code> no está en la libreta de direcciones.
    ¿Añadirla como dirección de retiro de { $asset }? Se avisa a todos los administradores y podrá usarse { $hours } horas después de añadirla.
book-button-add = ➕ Añadir a la libreta
book-added = ✅ Se añadió <code>{ $address }</code> ({ $asset }). Se ha avisado a todos los administradores; los retiros a ella son posibles desde { $from }.
book-gone = Esa dirección ya no está en la libreta de direcciones.
book-removed = Quitada.
book-notice-added = 📒 Nueva dirección de retiro de { $asset } <code>{ $address }</code>, añadida por { $by }, utilizable desde { $from }. Si ningún administrador de esta tienda la añadió, quítala ahora y cambia las contraseñas de Telegram de los administradores.
book-button-remove-now = 🗑 Quitarla
book-notice-removed = 📒 Dirección de retiro de { $asset } <code>{ $address }</code> quitada por { $by }.
approval-waiting = 🔐 Todavía no se envió nada: retirar { $total } a <code>{ $destination }</code> requiere la aprobación de un segundo administrador. Se ha preguntado a todos los administradores; la solicitud caduca el { $until }.
approval-button-approve = ✅ Aprobar
approval-button-reject = ✖️ Rechazar
approval-you-rejected = Rechazado: no se envía nada.
approval-no-value = valor desconocido
approval-pending = 🔐 El retiro #{ $id } espera a un segundo administrador: { $total } ({ $value }) { $asset } a <code>{ $destination }</code>, solicitado por { $by }. Apruébalo solo si estás al tanto. Caduca el { $until }.
approval-reason-daily = ⏱ Espera porque, junto con los retiros de las últimas 24 horas, alcanza el total diario que requiere un segundo administrador.
approval-approved = ✅ Retiro #{ $id } ({ $total } a <code>{ $destination }</code>) aprobado por { $decider }: enviando.
approval-rejected = ✖️ Retiro #{ $id } ({ $total } a <code>{ $destination }</code>) rechazado por { $decider }: no se envió nada.
approval-expired = ⌛ El retiro #{ $id } ({ $total } a <code>{ $destination }</code>) caducó sin aprobarse: no se envió nada.
approval-sent = 📤 El retiro #{ $id } ({ $total } a <code>{ $destination }</code>) se envió: { $note }
approval-failed = ⚠️ El retiro #{ $id } ({ $total } a <code>{ $destination }</code>) se aprobó pero no se envió: { $note }
users-button-reveal = 🔓 Ver la mercancía (queda registrado)
users-revealed = 🔓 A continuación, la mercancía de la compra #{ $buy } del comprador { $user }. Esta consulta queda registrada en el registro de dinero, con tu nombre.
admin-button-bots = 🤖 Bots
fleet-title = <b>Bots que venden desde esta tienda</b> (además de este):
fleet-none = Ninguno todavía.
fleet-how = Para añadir uno: crea un bot con @BotFather y envía aquí <code>/add TOKEN</code> con su token. Comparte los productos, el stock y los saldos de esta tienda.
fleet-running = en marcha
fleet-stopped = detenido ({ $reason })
fleet-no-update = sin actualizaciones aún
fleet-last-update = última actualización { $at }
fleet-button-remove = 🗑 Quitar { $bot }
fleet-remove-ask = ¿Detener { $bot } y olvidar su token? Sus compradores conservan saldos y compras, y pueden seguir en este bot.
fleet-button-remove-confirm = 🗑 Sí, quitarlo
fleet-removed = { $bot } está detenido y su token olvidado.
fleet-added = ✅ { $bot } ({ $name }) ya vende desde esta tienda.
fleet-add-usage = Envía <code>/add TOKEN</code> con el token que @BotFather dio para el nuevo bot.
fleet-bad-token = Eso no es un token de bot. Un token de @BotFather tiene esta forma: <code>123456789:AAE…</code> (cifras, dos puntos y 35 letras y cifras). Tu mensaje se ha borrado.
fleet-token-rejected = Telegram no acepta este token (revocado o mal escrito). No se añadió nada. Tu mensaje se ha borrado.
fleet-is-manager = Ese es el token de este mismo bot: ya está en marcha.
fleet-exists = Ese bot ya vende desde esta tienda.
fleet-unreachable = No se pudo consultar a Telegram ({ $reason }). No se añadió nada; inténtalo de nuevo en un momento.
fleet-only-manager = Los bots se añaden y quitan en el bot principal de la tienda.
fleet-gone = Ese bot ya no está en la lista.
fleet-revoked = ⚠️ Telegram ya no acepta el token de { $bot }: ese bot está detenido, los demás siguen. Pide un token nuevo a @BotFather (/token) y envíalo aquí con /add.
