/**
 * The goods key of the tests that start the shop and open its database themselves as well: given as
 * GOODS_ENCRYPTION_KEY, so that no key file is made, and as `goodsKeys` to their own storage.
 */
import * as Redacted from "effect/Redacted"

export const TEST_GOODS_KEY = "7e".repeat(32)
export const testGoodsKeys = { current: Redacted.make(TEST_GOODS_KEY) }
