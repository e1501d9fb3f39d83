// A small cache for work that a stream of one-off requests would only churn (new weights, new groups, new URLs): a
// value is kept the second time its key comes (the first time only the key is remembered), most recently used last.
// Keys asked once are forgotten oldest first past four times `max`; values past `max`.

export interface KeptOnSecondAsk<V> {
  /** The kept value, marked most recently used. */
  get(key: string): V | undefined;
  /** Whether the key came before and was not forgotten; the first time, it is remembered (and false). */
  askedBefore(key: string): boolean;
  /** A value just made for the key: kept when the key came before, else the key is remembered. */
  offer(key: string, value: V): void;
}

export function keptOnSecondAsk<V>(max: number): KeptOnSecondAsk<V> {
  const kept = new Map<string, V>();
  const seen = new Set<string>();
  const askedBefore = (key: string): boolean => {
    if (seen.delete(key)) return true;
    seen.add(key);
    if (seen.size > 4 * max) seen.delete(seen.values().next().value!);
    return false;
  };
  return {
    get(key) {
      const hit = kept.get(key);
      if (hit !== undefined) {
        kept.delete(key);
        kept.set(key, hit);
      }
      return hit;
    },
    askedBefore,
    offer(key, value) {
      if (!askedBefore(key)) return;
      kept.set(key, value);
      if (kept.size > max) kept.delete(kept.keys().next().value!);
    },
  };
}
