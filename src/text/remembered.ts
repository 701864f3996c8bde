/**
 * A pure function with its answers kept: each argument's answer is computed once and kept, up to `max`
 * arguments; then the kept answers are dropped and it starts again (dropping a pure function's answers
 * changes nothing but time).
 */

/**
 * `compute`, remembering its answer for each argument (the answers are shared: callers must not change them).
 * @example const length = remembered((s: string) => s.length, 1000); length('abc') // 3, computed once
 */
export function remembered<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      if (kept.size >= max) kept.clear();
      value = compute(key);
      kept.set(key, value);
    }
    return value;
  };
}
