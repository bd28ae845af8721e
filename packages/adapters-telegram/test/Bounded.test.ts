/** The update de-duplication and the buyer throttle stay bounded whatever the number of users. */
import { describe, expect, it } from "vitest"
import { actionThrottle, recentUpdates } from "../src/Bounded.js"

describe("bounded memories", () => {
  it("1,000,000 distinct users' updates keep at most the capacity, and still throttle and de-duplicate", async () => {
    const duplicate = recentUpdates(10_000)
    const tooSoon = actionThrottle(500, 100_000)
    let at = 0
    let wrong = 0
    for (let user = 1; user <= 1_000_000; user++) {
      if (user % 1000 === 0) at += 1 // a thousand updates a millisecond
      if (duplicate(user) || tooSoon(user, at)) wrong++
      if (user % 50_000 === 0) await new Promise((r) => setImmediate(r)) // the worker's RPC stays answered
    }
    expect(wrong).toBe(0)
    expect(duplicate.size()).toBe(10_000)
        expect(tooSoon.size()).toBe(100_000) // 500 users a millisecond for 500 ms would be 500,000: capped
    // the newest are still throttled and de-duplicated; a user seen long ago acts freely
    expect(tooSoon(1_000_000, at)).toBe(true)
    expect(duplicate(1_000_000)).toBe(true)
    expect(tooSoon(1, at)).toBe(false)
  })

  it("a quiet period forgets everyone: the map shrinks as time passes", () => {
    const tooSoon = actionThrottle(500, 100_000)
    for (let user = 1; user <= 50_000; user++) tooSoon(user, 0)
    expect(tooSoon.size()).toBe(50_000)
    expect(tooSoon(7, 499)).toBe(true)
    tooSoon(999_999, 10_000)
    expect(tooSoon.size()).toBe(1)
    expect(tooSoon(7, 10_001)).toBe(false)
  })
})
