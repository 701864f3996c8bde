/**
 * Words the engine writes into a report's metadata (a bare `政府工作报告` completed to
 * `2024年西藏自治区政府工作报告`) written in the script of the words around them, so that a report in
 * traditional characters is not given a title in two scripts. Pure; OpenCC's simplified → traditional
 * converter is loaded only when a traditional report needs it.
 */
import { createRequire } from 'node:module';
import { foldToSimplified } from '../simplified-chinese.js';

type Convert = (text: string) => string;

let toTraditional: Convert | null = null;

/** OpenCC's converter to its standard traditional characters (`t`), loaded on first use. */
function traditional(): Convert {
  const ready = toTraditional ?? (createRequire(import.meta.url)('opencc-js/cn2t') as typeof import('opencc-js/cn2t')).Converter({ from: 'cn', to: 't' });
  toTraditional = ready;
  return ready;
}

const HAN = /\p{Script=Han}/u;

/**
 * True when `sample` is written in traditional characters: at least one Han character in ten has a simplified
 * form of its own (a simplified text quoting a name or two in traditional characters is still simplified).
 * @example writtenInTraditional('政府工作報告') // true
 * @example writtenInTraditional('政府工作报告') // false
 */
export function writtenInTraditional(sample: string): boolean {
  const folded = foldToSimplified(sample);
  if (folded === sample) return false;
  let han = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    if (!HAN.test(sample[i])) continue;
    han++;
    if (folded[i] !== sample[i]) changed++;
  }
  return changed * 10 >= han;
}

/**
 * `words` (written in simplified characters) as they are, or in traditional characters when `sample` (what they
 * join: the report's own title, its opening) is written in traditional ones.
 * @example inScriptOf('西藏自治区', '政府工作報告') // '西藏自治區'
 * @example inScriptOf('西藏自治区', '政府工作报告') // '西藏自治区'
 */
export function inScriptOf(words: string, sample: string): string {
  return writtenInTraditional(sample) ? traditional()(words) : words;
}
