/**
 * Freezing shared data all the way down, so that no holder of a kept value can change it for the others.
 */

/**
 * A value and everything it holds frozen (plain objects and arrays; what the caches keep holds nothing else).
 * @example Object.isFrozen(deepFrozen({ a: [1] }).a) // true
 */
export function deepFrozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFrozen(inner);
  return Object.freeze(value);
}
