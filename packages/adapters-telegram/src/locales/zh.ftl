# 面向买家的简体中文文本。每个键都必须出现在所有语言文件中。

menu-title = 欢迎光临 { $shop }！请选择：
menu-categories = 🛍 全部分类
menu-profile = 👤 我的资料
menu-cart = 🛒 购物车
menu-help = ❓ 帮助
button-back = ⬅️ 返回
button-main = 🏠 主菜单
button-previous = ◀️
button-next = ▶️
page-indicator = { $page } / { $pages }

catalog-categories = 请选择分类：
catalog-empty = 目前暂无商品在售，请稍后再来。
catalog-subcategories = { $category }：请选择商品。
catalog-subcategory-line = { $name } · { $price } · 剩余 { $stock }
catalog-card =
    <b>{ $category } / { $name }</b>
    { $description }

    价格：{ $price }
    库存：{ $stock }
catalog-choose-quantity = 要买几件？请选择数量。
catalog-sold-out = 暂时售罄。
catalog-added = 已将 { $quantity } × { $name } 加入购物车。
catalog-type-quantity = 请输入 1 到 { $max } 之间的数量。

cart-title = 您的购物车：
cart-line = { $name }：{ $quantity } × { $price } = { $total }（库存 { $stock }）
cart-line-unavailable = { $name }：需要 { $quantity }，仅剩 { $stock }
cart-total = 合计：{ $total }
cart-empty = 您的购物车是空的。
cart-button-checkout = ✅ 结算
cart-button-clear = 🗑 清空购物车
cart-button-remove = ✖️ 移除 { $name }
cart-cleared = 购物车已清空。

checkout-confirm =
    合计：{ $total }
    您的余额：{ $balance }
    确认购买吗？
checkout-button-confirm = ✅ 确认
checkout-button-cancel = ✖️ 取消
checkout-done = 谢谢！订单 #{ $buy }（{ $total }）已完成。您的商品：
checkout-delivery-file = 您的商品在附件文件中。
checkout-empty = 您的购物车是空的：请先添加商品。
checkout-out-of-stock = { $name } 仅剩 { $available } 件（您需要 { $requested } 件）。请在购物车中修改数量。
checkout-insufficient = 需要支付 { $needed }，但您的余额只有 { $available }。请在“我的资料”中充值后重试。
checkout-balance-unverified = 您的余额需要商店核对后才能购买。未扣任何款项，商店已收到通知。
checkout-already = 该订单已完成。

profile-title =
    <b>我的资料</b>
    已充值：{ $topUp }
    已消费：{ $consumed }
    可用：{ $available }
profile-button-topup = 💰 充值
profile-button-history = 🧾 购买记录
profile-button-language = 🌐 语言
topup-not-configured = 暂不支持充值，请联系店主。
history-title = 您的购买记录：
history-empty = 您还没有购买过任何商品。
history-line = #{ $buy } · { $date } · { $quantity } 件 · { $total }
history-refunded = （已退款）
purchase-title = 订单 #{ $buy }，{ $date }，{ $total }：
purchase-not-found = 未找到该订单。

language-name = 中文
language-choose = 请选择语言：
language-set = 语言已切换为中文。

help-text = 浏览分类，把商品加入购物车，然后用余额结算。可在“我的资料”中充值。
slow-down = 请稍慢一点。
banned = 您已被禁止访问本店。
button-expired = 此按钮已失效，请重新打开菜单。
error-generic = 出错了（错误编号 { $id }），请稍后重试。
admin-purchase = 🛍 订单 #{ $buy } · { $total }：{ $user }
menu-admin = 🛠 管理
catalog-button-type-quantity = ⌨️ 输入数量
catalog-button-full-description = 📄 完整描述
catalog-description-title = <b>{ $category } / { $name }</b> — 完整描述
prompt-cancel = ✖️ 取消
prompt-cancelled = 已取消。

topup-choose = 请选择支付方式：
topup-open-button = ⏳ 未完成的充值（{ $count }）
topup-amount-ask =
    您想用 { $asset } 充值多少？
    请输入 { $min } 到 { $max } 之间的金额，最多两位小数，例如 25 或 25.50。
topup-amount-invalid = 请输入 { $min } 到 { $max } 之间的金额，最多两位小数，例如 25.50。
topup-invoice-open =
    <b>使用 { $asset } 充值</b>
    向此地址发送任意数量的 { $asset }：
    <code>{ $address }</code>
    以第一笔交易为准。支付服务确认后，其价值将计入您的余额。
    有效期至 { $expires }。
topup-invoice-fixed =
    <b>使用 { $asset } 充值 { $fiat }</b>
    请向此地址准确发送 <code>{ $amount }</code>：
    <code>{ $address }</code>
    有效期至 { $expires }。
topup-button-check = 🔄 查看状态
topup-open-title = 您未完成的充值：
topup-open-empty = 您没有未完成的充值。
topup-open-line = { $asset } · 截至 { $expires }
topup-too-many = 您已有 { $limit } 笔未完成的充值。请先支付其中一笔，或等待其过期后再试。
topup-unavailable = 支付服务暂时不可用，请几分钟后再试。
topup-mismatch = 这笔付款与要求不符。已通知店主，店主会进行核查。
topup-status-pending = 尚未支付。付款后，确认可能需要几分钟。
topup-status-expired = 这笔充值已过期且未支付。您可以重新发起充值。
topup-status-paid = ✅ 已支付：已入账 { $amount }。您的余额：{ $balance }。
notify-topup-credited = ✅ 您的充值已到账：已入账 { $amount }。可用余额：{ $balance }。
notify-topup-expired = ⌛ 您的 { $asset } 充值已过期且未支付。您可以在“我的资料”中重新发起。

admin-title = 管理菜单：
admin-button-wallet = 👛 钱包与提现
wallet-title = 存放在支付服务商处：
wallet-empty = 支付服务商处没有资金。
wallet-button-withdraw = 提现 { $asset }
wallet-unavailable = 无法读取钱包：{ $reason }
withdraw-ask-address = 请发送接收 { $asset } 的地址。
withdraw-bad-address = 这不是有效的 { $asset } 地址（{ $reason }）。请重新发送，或取消。
withdraw-preview =
    <b>提现 { $asset }</b>
    至：<code>{ $destination }</code>
    合计：{ $total }
    网络手续费：{ $networkFee }
    服务费：{ $serviceFee }
    实际到账：{ $receiving }
    确认发送吗？
withdraw-button-confirm = ✅ 发送
withdraw-sending = 正在发送…
withdraw-done = ✅ 已向 <code>{ $destination }</code> 发送 { $receiving }。交易：
withdraw-failed = 提现未成功：{ $reason }
admin-deposit = 💰 充值 #{ $deposit } · 用户 { $user } · { $amount } = { $fiat } · 余额 { $balance }
admin-payment-mismatch = ⚠️ 用户 { $user } 的付款 #{ $payment }（{ $asset }）已支付但未入账：{ $reason }。点击下方按钮重新查询服务商，并将实际到账金额入账。
admin-payment-underpaid = ⚠️ 用户 { $user } 的付款 #{ $payment }（{ $asset }）金额不足：要求 { $asked }，已入账 { $credited }。
notify-topup-underpaid = 您的充值 #{ $payment } 金额不足：要求 { $asked }，已将 { $credited } 计入您的余额。
button-resolve-payment = ✅ 核查并入账
resolve-working = 正在查询服务商…
resolve-done = 付款 #{ $payment }：已为用户 { $user } 入账 { $amount }。
resolve-already = 付款 #{ $payment } 此前已入账（为用户 { $user } 入账 { $amount }），没有任何变化。
resolve-failed = 付款 #{ $payment } 未入账：{ $reason }
admin-forwarding-failed = ⚠️ 将付款 #{ $payment }（{ $asset }）转发至 { $destination } 失败：{ $reason }。资金仍在服务商处。
admin-withdrawal = 📤 提现 { $total }（{ $by }）至 { $destination }：{ $links }
admin-withdrawal-head = 🧾 资金日志头：{ $head }
admin-balance-unverified = ⚠️ 已拒绝用户 { $user } 的结账：存储的余额（{ $stored }）与其账目合计（{ $entries }）不符。未扣任何款项。请运行 tokenshop audit verify。
admin-audit-head =
    🧾 资金日志头：{ $head }
    请保留此消息：tokenshop audit verify --head { $head } 可显示日志此后是否被改写。
admin-audit-unkeyed = 日志未使用密钥：能写数据库的人可以悄无声息地改写它，除非与之前记下的日志头对比。
command-start = 打开商店
command-help = 使用说明
command-id = 查看您的 Telegram ID
id-yours = 您的 Telegram ID 是 <code>{ $id }</code>。
id-yours-and-chat = 您的 Telegram ID 是 <code>{ $id }</code>；此聊天的 ID 是 <code>{ $chat }</code>。
wallet-button-history = 🧾 历史提现
withdrawals-title = 提现记录（最新的在前）：
withdrawals-empty = 暂无提现。
topup-history-button = 📜 我的充值
topup-history-title = 已入账的充值（最新的在前）：
topup-history-empty = 还没有入账的充值。
topup-history-line = { $date } · { $amount } = { $fiat }
deposit-address =
    <b>您的 { $asset } 充值地址</b>
    <code>{ $address }</code>
    此地址永久归您所有：您可以随时、多次向其发送 { $asset }。
    最低入账金额：{ $minimum }。每笔充值在 { $confirmations }后按当时的价格入账。
deposit-confirmations = { $count } 次确认
deposit-when-final = 网络最终确认（通常在一分钟内）
deposit-direct-only = ⚠️ 只能识别直接转入此地址的转账：由智能合约发送的 { $asset }（例如 Safe 或交易所的批量提现）不会被自动识别。请从普通钱包发送，或将交易哈希提供给商店客服。
deposit-button-check = 🔄 检查
deposit-unavailable = 目前无法使用 { $asset } 充值。请选择其他方式或稍后再试。
deposit-status-title = 您的 { $asset } 充值（最新的在前）：
deposit-status-empty = 您的 { $asset } 地址尚未收到任何款项。发送后，可能需要一分钟才能看到该交易。
deposit-state-pending = 已发现，{ $confirmations } / { $required } 次确认
deposit-state-pending-final = 已发现，等待最终确认
deposit-state-waiting = 已确认，价格可用后即入账
deposit-state-credited = 已入账 { $fiat }
deposit-state-held = 已冻结：该交易已离开区块链
deposit-state-vanished = 已不在网络中
deposit-state-below = 低于最低金额 { $minimum }：未入账
notify-deposit-seen = 👀 我们已发现您的充值 { $amount }，将在 { $confirmations }后入账。
notify-deposit-below = 您的充值 { $amount } 低于最低金额 { $minimum }，未能入账。请联系店主。
notify-deposit-waiting = 您的充值 { $amount } 已确认，价格可用后即入账。
notify-deposit-credited = ✅ 您的充值 { $amount } 已到账：已入账 { $fiat }。可用余额：{ $balance }。{ $link }
notify-deposit-held = ⚠️ 您的充值 { $amount }（{ $fiat }）已离开区块链，在重新确认前将被冻结。可用余额：{ $balance }。{ $link }
notify-deposit-released = ✅ 您的充值 { $amount } 已重新确认，冻结已解除。可用余额：{ $balance }。{ $link }
admin-button-deposits = 📥 充值
admin-deposits-title = <b>自有地址的充值</b>（最新的在前）：
admin-deposits-none = 暂无。
admin-deposits-pending = 等待确认（{ $count }）：
admin-deposits-waiting = 已确认，等待价格（{ $count }）：
admin-deposits-held = 离开链后被冻结（{ $count }）：
admin-deposits-watchers = 监视器：
admin-deposits-no-watchers = 尚无监视器上报。
admin-deposits-height = 区块 { $height }
admin-deposits-pool = 地址池中剩余的 { $network } 地址：{ $left }
admin-deposits-button-credit = 🔎 按哈希入账交易
admin-credit-ask =
    <b>按交易哈希入账</b>
    请发送一笔以太坊交易的哈希：它已付款到某位买家的充值地址，但未在此列出，例如由 Safe 或交易所批量提现发送的 ETH。格式为 0x 加 64 位十六进制数字。
    商店会从自己的节点读取该交易，并按常规的确认数和最低金额，将其付给买家地址的款项入账一次。
    也可以随时发送 <code>/credittx HASH</code>。
admin-credit-malformed-again = 这不是交易哈希。请发送 0x 加 64 位十六进制数字，或点击取消。
admin-credit-usage = 请在命令后附上交易哈希：<code>/credittx 0x…</code>（0x 加 64 位十六进制数字）。
admin-credit-done =
    🔎 <b>交易</b> { $link }
    其付给买家地址的款项（当前记录）：
admin-credit-payment = • { $amount } → 买家 { $user }：{ $state }
admin-credit-untraced = ⚠️ 节点无法追踪此交易，因此只检查了其直接转账金额：合约在其中发起的付款无法以此方式看到。
admin-credit-unavailable = 此处无法查询交易：本商店没有可读取交易的以太坊节点。
admin-credit-malformed = 这不是交易哈希：请发送 0x 加 64 位十六进制数字。
admin-credit-not-found = 节点不认识交易 <code>{ $txid }</code>。请检查哈希（以太坊主网交易），或在交易广播后重试。
admin-credit-no-payment = 交易 <code>{ $txid }</code> 未向任何买家地址付款：没有入账任何款项。
admin-credit-failed = 目前无法查询节点（{ $reason }）。没有任何更改，请稍后重试。
admin-deposit-credited = 💰 充值 #{ $deposit } · 用户 { $user } · { $amount } = { $fiat } · 余额 { $balance } · { $link }
admin-deposit-held = ⚠️ 用户 { $user } 的充值 #{ $deposit }（{ $amount } = { $fiat }）已离开链，已被冻结。余额 { $balance }。{ $link }
admin-deposit-released = 用户 { $user } 的充值 #{ $deposit }（{ $amount }）已重新确认，冻结已解除。余额 { $balance }。{ $link }
admin-deposit-waiting = ⚠️ 一笔 { $amount } 的充值（用户 { $user }）已确认，但没有最新价格，正在等待。请检查价格来源。
admin-pool-low = ⚠️ 地址池中仅剩 { $left } 个 { $network } 充值地址。请用以下命令导入更多：tokenshop wallet import-sol-pool FILE
admin-pool-empty = ⛔ 已没有可用的 { $network } 充值地址：买家无法用它充值。请用以下命令导入更多：tokenshop wallet import-sol-pool FILE
checkout-stale-changed = 在要求您确认之后，购物车已发生变化。未购买任何商品。新的合计如下：
checkout-stale-expired = 该确认已过期。未购买任何商品。当前合计如下：

# 管理员后台
admin-button-inventory = 📦 库存
admin-button-users = 👤 买家
admin-button-stats = 📊 统计
admin-button-backup = 💾 备份
backup-working = 正在备份…
backup-caption = 商店数据库，在运行中复制。请妥善保存：其中包含所有订单和余额。
backup-external = { $hint }
backup-failed = 备份失败：{ $reason }
inventory-title = <b>库存</b>：各分类及其未售商品。上传文件，或逐步添加商品。
inventory-empty = <b>库存</b>：还没有分类。上传文件，或逐步添加商品。
inventory-line = { $name } · 未售 { $stock }
inventory-sub-line = { $name } · { $stock } · { $price }
inventory-button-upload = 📤 上传文件
inventory-button-add = ➕ 添加商品
inventory-category = <b>{ $category }</b>：未售商品 { $stock } 件。
inventory-sub = <b>{ $category } / { $subcategory }</b>
    未售：{ $stock }
    下一件价格：{ $price }
    { $description }
inventory-button-reprice = 💲 修改价格
inventory-button-delete-sub = 🗑 删除此子分类
inventory-button-delete-category = 🗑 删除此分类
inventory-button-delete-confirm = 🗑 确认删除
inventory-delete-sub-ask = 删除 <b>{ $name }</b>？其 { $stock } 件未售商品将被移除；已售商品和销售记录会保留。
inventory-delete-category-ask = 删除分类 <b>{ $name }</b> 及其所有子分类？其 { $stock } 件未售商品将被移除；已售商品和销售记录会保留。
inventory-deleted = 已删除：移除了 { $count } 件未售商品。
inventory-gone = 该分类或子分类已不存在。
inventory-upload-ask = 请以文档形式发送库存：<b>.txt</b> 文件（每行一件商品：分类;子分类;描述;价格;私密数据，即 CATEGORY;SUBCATEGORY;DESCRIPTION;PRICE;PRIVATE_DATA）或 <b>.json</b> 文件（对象数组，字段为 category、subcategory、description、price、private_data）。全部导入或全部不导入：只要有一行出错，就不会导入任何内容。
inventory-upload-wrong-type = 只能导入 <b>.txt</b> 和 <b>.json</b> 文件。请发送其他文件，或取消。
inventory-upload-reading = 正在读取 { $name }…
inventory-upload-failed = 无法读取文件：{ $reason }。未导入任何内容。
inventory-imported = ✅ 已导入 { $count } 件商品：
inventory-rejected = ❌ 未导入任何内容：文件中有 { $count } 个问题。前几个如下：
inventory-rejected-more = … 请修正这些问题后重新发送文件，以查看其余问题。
inventory-ask-category = 第 1 步，共 5 步：输入<b>分类</b>（已有的或新的）。
inventory-ask-subcategory = 第 2 步，共 5 步：{ $category } 中的<b>子分类</b>。
inventory-ask-description = 第 3 步，共 5 步：买家看到的<b>描述</b>，输入 - 表示无描述。
inventory-ask-price = 第 4 步，共 5 步：每件商品的<b>价格</b>，单位为 { $currency }，例如 12.50。
inventory-ask-data = 第 5 步，共 5 步：<b>私密数据</b>，每行一件商品：即每位买家收到的内容。
inventory-bad-answer = ⚠️ { $problem }。请重新输入，或取消。
inventory-description-too-long = 在此输入的描述最多 { $max } 个字符；更长的描述请上传文件
inventory-no-lines = 没有商品：每件商品输入一行
inventory-ask-reprice = <b>{ $name }</b> 的新价格，单位为 { $currency }，例如 12.50。适用于其 { $stock } 件未售商品；已售商品保持原价。
inventory-repriced = ✅ 已为 { $count } 件未售商品设置新价格。
users-find-ask = 请输入买家的 Telegram ID 或 @用户名。
users-find-none = 没有以 { $query } 注册的用户。请输入其他 ID 或 @用户名，或取消。
users-not-found = 该买家或订单不存在。
users-card = <b>买家 { $user }</b>（{ $username }）
    注册于 { $registered } · 语言 { $language }
users-banned-mark = ⛔ <b>已封禁</b>
users-balance = 余额：已充值 { $topUp }，已消费 { $consumed }，<b>可用 { $available }</b>
users-counts = 订单：{ $buys } · 充值：{ $deposits }
users-button-buys = 🧾 订单
users-button-deposits = 📥 充值
users-button-credit = ➕ 加款
users-button-debit = ➖ 扣款
users-button-ban = ⛔ 封禁
users-button-unban = ✅ 解封
users-button-find = 🔎 其他买家
users-banned = ⛔ 已封禁：已通知该买家，此后其每条消息只会收到简短的“已封禁”回复。
users-unbanned = ✅ 已解封：该买家可以再次使用本店。
users-buys-title = 买家 { $user } 的订单（最新的在前）：
users-buys-none = 买家 { $user } 还没有购买任何商品。
users-deposits-title = 买家 { $user } 的充值（最新的在前）：
users-deposits-none = 买家 { $user } 还没有充值。
users-buy = <b>订单 #{ $buy }</b> · 买家 { $user } · { $date } · { $total }
users-buy-refunded = ↩️ 已于 { $date } 退款
users-button-refund = ↩️ 退款
users-button-refund-confirm = ↩️ 确认退款
users-refund-ask = 为订单 #{ $buy } 退款：将 { $total } 退回买家 { $user }？商品仍视为已交付。每个订单只能退款一次。
users-refunded = ✅ 订单 #{ $buy } 已退款：已退回 { $total }。当前可用：{ $available }。
users-already-refunded = 订单 #{ $buy } 此前已退款，没有任何变化。
users-credit-ask = 要为买家 { $user } <b>加款</b>多少（{ $currency }）？例如 5.00
users-debit-ask = 要从买家 { $user } <b>扣款</b>多少（{ $currency }）？例如 5.00
users-amount-bad = ⚠️ 请输入大于零的 { $currency } 金额，例如 5.00，或取消。
users-reason-ask = { $amount } 的原因（将与您的 ID 一起记入审计日志）：
users-reason-bad = ⚠️ 请输入 1 到 500 个字符的原因，或取消。
users-credited = ✅ 已为买家 { $user } 加款 { $amount }。
users-debited = ✅ 已从买家 { $user } 扣款 { $amount }。
users-debit-refused = ❌ 未扣款：该买家仅有 { $available } 可用，余额永远不会低于零。
users-adjust-failed = ❌ 未更改：{ $reason }
stats-title = <b>最近 { $days } 天的统计</b>
stats-sales = 销售：{ $count }（{ $items } 件）· { $total }
stats-refunds = 退款：{ $count } · { $total }
stats-deposits = 充值：{ $count } · { $total }
stats-new-users = 新买家：{ $count }
stats-button-days = { $days } 天
stats-button-chart = 📈 图表
stats-button-csv = 📄 销售 CSV
stats-chart-title = 最近 { $days } 天，按天统计（UTC）
stats-chart-sales = 销售
stats-chart-refunds = 退款
stats-chart-deposits = 充值
stats-chart-new-users = 新买家
stats-csv-caption = 最近 { $days } 天的 { $rows } 笔订单。
notify-refunded = ↩️ 您的订单 #{ $buy } 已退款：{ $amount } 已退回您的余额（可用 { $balance }）。
notify-credited = ➕ 已向您的余额加款 { $amount }：{ $reason }。可用：{ $balance }。
notify-debited = ➖ 已从您的余额扣款 { $amount }：{ $reason }。可用：{ $balance }。
notify-banned = ⛔ 您已无法再使用本店。
notify-unbanned = ✅ 您可以再次使用本店了。
admin-refunded = ↩️ 用户 { $user } 的订单 #{ $buy } 已由 { $admin } 退款：{ $amount }
admin-adjusted = 🧮 { $direction } { $amount }，用户 { $user }，操作人 { $admin }：{ $reason } · 可用 { $balance }
admin-ban-changed = { $state } 用户 { $user }，操作人 { $admin }
admin-button-announce = 📣 公告
announce-title = 向所有买家<b>发布公告</b>：自定义消息、自上次补货通知以来的新补货，或当前全部库存。
announce-button-broadcast = ✍️ 自定义消息
announce-button-restock = 🆕 补货
announce-button-stock = 📦 当前库存
announce-ask-text = 请输入发给所有买家的消息，或发送一张带说明的图片。
announce-restock-title = 🆕 新补货：
announce-stock-title = 📦 当前有货：
announce-nothing-new = 自上次补货通知以来没有新增商品。
announce-preview = 以下内容将发送给所有未屏蔽机器人的买家：
announce-preview-photo = 这张图片及其说明将发送给所有未屏蔽机器人的买家：
announce-button-send = 📣 发送
announce-invalid = 未发送：{ $reason }。
announce-progress = 📣 公告 #{ $id } 发送中：已发送 { $sent }，失败 { $failed }，{ $blocked } 人屏蔽了机器人，共 { $total }，剩余 { $left }。
announce-done = ✅ 公告 #{ $id } 已完成：已发送 { $sent }，失败 { $failed }，{ $blocked } 人屏蔽了机器人，共 { $total }。
announce-cancelled = ⏹ 公告 #{ $id } 已取消：已发送 { $sent }，失败 { $failed }，{ $blocked } 人屏蔽了机器人，未发送 { $left }，共 { $total }。
announce-button-cancel = ⏹ 取消
announce-cancelling = 已取消：不再发送消息。
announce-already-ended = 该公告已结束。

wallet-button-book = 📒 地址簿
book-title = 提现地址（提现只能发往其中之一）：
book-empty = 地址簿为空。发起提现并输入地址即可添加；也可在命令行用 tokenshop address add 添加。
book-entry = { $n }. { $asset }：<code>{ $address }</code>{ $label }：{ $state }
book-usable = 可用
book-waiting = 自 { $from } 起可用
book-button-remove = 🗑 移除 { $n }
book-not-listed =
    <code>{ $address }</code> 不在地址簿中。
    将其添加为 { $asset } 提现地址吗？所有管理员都会收到通知，添加 { $hours } 小时后方可使用。
book-button-add = ➕ 添加到地址簿
book-added = ✅ 已添加 <code>{ $address }</code>（{ $asset }）。已通知所有管理员；自 { $from } 起可向其提现。
book-gone = 该地址已不在地址簿中。
book-removed = 已移除。
book-notice-added = 📒 新的 { $asset } 提现地址 <code>{ $address }</code>，由 { $by } 添加，自 { $from } 起可用。如果本店没有任何管理员添加过它，请立即移除，并更改各管理员的 Telegram 密码。
book-button-remove-now = 🗑 立即移除
book-notice-removed = 📒 { $asset } 提现地址 <code>{ $address }</code> 已由 { $by } 移除。
approval-waiting = 🔐 尚未发送：向 <code>{ $destination }</code> 提现 { $total } 需要第二位管理员批准。已通知所有管理员；请求将于 { $until } 过期。
approval-button-approve = ✅ 批准
approval-button-reject = ✖️ 拒绝
approval-you-rejected = 已拒绝：不会发送任何款项。
approval-no-value = 价值未知
approval-pending = 🔐 提现 #{ $id } 等待第二位管理员批准：{ $total }（{ $value }）{ $asset } 至 <code>{ $destination }</code>，由 { $by } 发起。请仅在知情时批准。将于 { $until } 过期。
approval-reason-daily = ⏱ 需要等待批准：加上过去 24 小时内的提现，已达到需要第二位管理员批准的每日总额。
approval-approved = ✅ 提现 #{ $id }（{ $total } 至 <code>{ $destination }</code>）已由 { $decider } 批准：正在发送。
approval-rejected = ✖️ 提现 #{ $id }（{ $total } 至 <code>{ $destination }</code>）已被 { $decider } 拒绝：未发送任何款项。
approval-expired = ⌛ 提现 #{ $id }（{ $total } 至 <code>{ $destination }</code>）未获批准已过期：未发送任何款项。
approval-sent = 📤 提现 #{ $id }（{ $total } 至 <code>{ $destination }</code>）已发送：{ $note }
approval-failed = ⚠️ 提现 #{ $id }（{ $total } 至 <code>{ $destination }</code>）已批准但未发送：{ $note }
users-button-reveal = 🔓 查看商品（将被记录）
users-revealed = 🔓 以下是买家 { $user } 的订单 #{ $buy } 中的商品。此次查看已连同您的名字记入资金日志。
admin-button-bots = 🤖 机器人
fleet-title = <b>从本店销售的机器人</b>（本机器人之外）：
fleet-none = 暂无。
fleet-how = 添加方法：在 @BotFather 创建一个机器人，然后在此发送 <code>/add TOKEN</code> 及其令牌。它与本店共享商品、库存和余额。
fleet-running = 运行中
fleet-stopped = 已停止（{ $reason }）
fleet-no-update = 尚无更新
fleet-last-update = 最近更新 { $at }
fleet-button-remove = 🗑 移除 { $bot }
fleet-remove-ask = 停止 { $bot } 并删除其令牌？其买家的余额和订单保留，可在本机器人中继续。
fleet-button-remove-confirm = 🗑 是的，移除
fleet-removed = { $bot } 已停止，其令牌已删除。
fleet-added = ✅ { $bot }（{ $name }）现在从本店销售。
fleet-add-usage = 请发送 <code>/add TOKEN</code>，附上 @BotFather 为新机器人签发的令牌。
fleet-bad-token = 这不是机器人令牌。@BotFather 的令牌形如 <code>123456789:AAE…</code>（数字、冒号，然后是 35 个字母和数字）。您的消息已删除。
fleet-token-rejected = Telegram 不接受此令牌（已撤销或输错）。未添加任何内容。您的消息已删除。
fleet-is-manager = 这是本机器人自己的令牌：它已在运行。
fleet-exists = 该机器人已在从本店销售。
fleet-unreachable = 无法联系 Telegram（{ $reason }）。未添加任何内容；请稍后再试。
fleet-only-manager = 机器人需在本店的主机器人中添加和移除。
fleet-gone = 该机器人已不在列表中。
fleet-revoked = ⚠️ Telegram 不再接受 { $bot } 的令牌：该机器人已停止，其他机器人照常运行。请向 @BotFather 申请新令牌（/token），并在此用 /add 发送。
