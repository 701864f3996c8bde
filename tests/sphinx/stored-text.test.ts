import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStored, encodeStored } from '../../src/index/sphinx/stored-text.js';

describe('text stored in Sphinx string attributes', () => {
  it('round-trips every string, astral characters, NUL, U+001A, lone surrogates and the escape itself included', () => {
    const awkward = fc.constantFrom('\u0000', '\u001a', '\uE000', '\uE000000041', '😀', '𠀀', '\uD800', '\uDC00', '地', 'a', '\n', '\t', "'", '\\');
    const pieces = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), awkward);
    fc.assert(
      fc.property(fc.array(pieces), (parts) => {
        const text = parts.join('');
        expect(decodeStored(encodeStored(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves ordinary report text as it is, and spells out only what Sphinx would garble', () => {
    const text = '推进“两个屏障”建设，GDP增长6.3%。\n表格\t第二列';
    expect(encodeStored(text)).toBe(text);
    expect(encodeStored('𠀀地\u0000')).toBe('\uE000020000地\uE000000000');
    expect([...encodeStored('😀\uE000\u001a')].every((c) => c.codePointAt(0)! < 0x10000 && c !== '\u0000' && c !== '\u001a')).toBe(true);
  });
});
