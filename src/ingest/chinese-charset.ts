/**
 * Which legacy Chinese double-byte charset bytes that are not UTF-8 are in: GB (GBK/GB18030, simplified
 * text) or Big5 (traditional text, Taiwan and Hong Kong). Both put a lead byte 0x81–0xFE before a trail byte,
 * and nearly every Big5 pair is also a valid GB18030 pair, so strict decoding cannot tell them apart: GB18030
 * reads Big5 without an error, as nonsense. Where the common characters lie can: GB2312's level-1
 * characters (the 3,755 most used) are B0A1–D7FE, Big5's frequent characters A440–C67E. Real text in either
 * has about 90 % of its pairs in its own common area and at most about 60 % in the other's. Pure.
 */
import iconv from 'iconv-lite';

/** How many double-byte pairs the bytes hold, and how many fall in each charset's common characters. */
export interface CommonPairs {
  pairs: number;
  gb: number;
  big5: number;
}

function isBig5Trail(b: number): boolean {
  return (b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe);
}

/**
 * Counts the double-byte pairs of the bytes (a GB18030 four-byte sequence counts as one pair of neither
 * area) and those in GB2312 level 1 and in Big5's frequent characters.
 * @example commonPairs(iconv.encode('乡村振兴', 'gbk')) // { pairs: 4, gb: 4, big5: 1 }
 */
export function commonPairs(bytes: Uint8Array): CommonPairs {
  const counts: CommonPairs = { pairs: 0, gb: 0, big5: 0 };
  for (let i = 0; i < bytes.length; i += 1) {
    const lead = bytes[i];
    if (lead < 0x81 || lead > 0xfe) continue;
    const trail = bytes[i + 1] ?? 0;
    counts.pairs += 1;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3;
      continue;
    }
    i += 1;
    if (lead >= 0xb0 && lead <= 0xd7 && trail >= 0xa1 && trail <= 0xfe) counts.gb += 1;
    if (lead >= 0xa4 && lead <= 0xc6 && isBig5Trail(trail)) counts.big5 += 1;
  }
  return counts;
}

/**
 * True when the bytes read as Big5 rather than GB: more of their pairs are common Big5 characters than
 * common GB2312 ones. Traditional text encoded in GBK stays GB (its characters lie outside Big5's areas).
 * @example looksLikeBig5(iconv.encode('鄉村振興', 'big5')) // true; looksLikeBig5(iconv.encode('乡村振兴', 'gbk')) // false
 */
export function looksLikeBig5(bytes: Uint8Array): boolean {
  const { pairs, gb, big5 } = commonPairs(bytes);
  return pairs > 0 && big5 > gb;
}

/**
 * Decode strict Big5 (with the HKSCS additions iconv-lite knows); `null` when a byte sequence is not Big5.
 * @example decodeStrictBig5(iconv.encode('鄉村振興', 'big5')) // '鄉村振興'
 */
export function decodeStrictBig5(bytes: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5');
  return text.includes('\uFFFD') ? null : text;
}
