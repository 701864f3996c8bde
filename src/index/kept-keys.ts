/**
 * The keys a backend files its kept work under (a query's candidates, an alternative's best passages), kept by
 * the object they describe while it lives when nothing in that object can change: a kept plan's groups and
 * alternatives are frozen, so a repeated query reads its keys instead of writing its plan as JSON again. A
 * value that could change is keyed afresh each time, as before.
 */
export class KeptKeys<T extends object> {
  private readonly kept = new WeakMap<T, string>();

  /**
   * `key` writes a value's key; `unchanging` tells whether nothing `key` reads from it can change.
   * @example new KeptKeys(candidatesKey, (groups) => groups.every(Object.isFrozen))
   */
  constructor(
    private readonly key: (value: T) => string,
    private readonly unchanging: (value: T) => boolean,
  ) {}

  /**
   * The value's key: kept the first time it is asked for a value that cannot change.
   * @example keys.of(plan.query.groups) // '[[["tokens",false,["bigrams"],["发展"]]]]'
   */
  of(value: T): string {
    const found = this.kept.get(value);
    if (found !== undefined) return found;
    const key = this.key(value);
    if (this.unchanging(value)) this.kept.set(value, key);
    return key;
  }
}
