/**
 * The middleware's two memories, both bounded: a bot that meets a million users keeps a bounded
 * number of entries, not a million. Each keeps its keys in a first-in-first-out queue beside the
 * look-up, so forgetting the oldest is O(1) (iterating a Map from its front after many deletions is not).
 */

/** A first-in-first-out queue over an array, compacted now and then. */
const fifo = <A>() => {
  let items: Array<A> = []
  let head = 0
  return {
    push: (a: A) => void items.push(a),
    peek: (): A | undefined => items[head],
    shift: (): A | undefined => {
      const a = items[head++]
      if (head > 4096 && head * 2 > items.length) {
        items = items.slice(head)
        head = 0
      }
      return a
    },
    length: () => items.length - head
  }
}

/** Remembers the last `capacity` update ids, forgetting the oldest first: true for an id seen again. */
export const recentUpdates = (capacity: number) => {
  const seen = new Set<number>()
  const order = fifo<number>()
  const check = (id: number): boolean => {
    if (seen.has(id)) return true
    seen.add(id)
    order.push(id)
    if (seen.size > capacity) seen.delete(order.shift()!)
    return false
  }
  return Object.assign(check, { size: () => seen.size })
}

/**
 * True when `user` acted less than `windowMs` ago. Only users who acted within the window matter, so
 * older entries are dropped as time passes, and at most `capacity` are kept even in a burst: the least
 * recently active is forgotten first.
 */
export const actionThrottle = (windowMs: number, capacity: number) => {
  const last = new Map<number, number>()
  const order = fifo<readonly [user: number, at: number]>()
  const check = (user: number, at: number): boolean => {
    const previous = last.get(user)
    if (previous !== undefined && at - previous < windowMs) return true
    last.set(user, at)
    order.push([user, at])
    for (let next = order.peek(); next !== undefined; next = order.peek()) {
      const [id, t] = next
      const stale = last.get(id) !== t // this user acted again: that entry is further back in the queue
      if (!stale && at - t < windowMs && last.size <= capacity) break
      order.shift()
      if (!stale) last.delete(id)
    }
    return false
  }
  return Object.assign(check, { size: () => last.size })
}
