import { describe, expect, it } from 'vitest';
import { deepFrozen } from '../../src/text/deep-frozen.js';

describe('deepFrozen', () => {
  it('freezes nested plain data and leaves scalars alone', () => {
    const value = deepFrozen({ a: [{ b: 1 }], c: 'x' });
    expect(Object.isFrozen(value.a[0])).toBe(true);
    expect(deepFrozen(3)).toBe(3);
  });
});
