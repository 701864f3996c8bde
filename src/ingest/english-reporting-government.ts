/**
 * The government a work report written in English names in its opening, as `reporting-government.ts` reads it
 * from a Chinese one: `On behalf of the State Council, I will now report to you on the work of the government`
 * (the nation), `On behalf of the Beijing Municipal People's Government, I now report…` or `On behalf of the
 * People's Government of Xizang Autonomous Region, …` (the place). The place comes out as the Chinese path gives
 * it (`全国`, `北京市`: `placeFromEnglish`), else as written. A budget or plan report made on the government's
 * behalf does not report on the work of the government, and names none. Pure.
 */
import { placeFromEnglish } from './place-from-english.js';

/** How much of the text the opening is looked for in, as for a Chinese one. */
const HEAD_CHARS = 3000;

const APOSTROPHE = "['’]";
/** The opening: on whose behalf (the State Council, a people's government before or after its place), then the work of the government. */
const OPENING_RE = new RegExp(
  `\\bon\\s+behalf\\s+of\\s+(?:the\\s+)?(?:(state\\s+council)|people${APOSTROPHE}s\\s+government\\s+of\\s+(?:the\\s+)?([^,\\n]{2,60}?)|([^,\\n]{2,60}?)\\s+people${APOSTROPHE}s\\s+government)\\s*,\\s*I\\b[^.]{0,160}?\\b(?:work\\s+of\\s+the\\s+(?:[a-z]+\\s+)?government|government\\s+work\\s+report)`,
  'i',
);

/**
 * The place whose government delivers the report, by its English opening (`全国` for the State Council); null when
 * the head of the text has no such opening.
 * @example reportingGovernmentInEnglish('On behalf of the State Council, I will now report to you on the work of the government.')?.place // '全国'
 * @example reportingGovernmentInEnglish("On behalf of the Beijing Municipal People's Government, I now report on the work of the government.")?.place // '北京市'
 */
export function reportingGovernmentInEnglish(text: string): { place: string } | null {
  const m = OPENING_RE.exec(text.slice(0, HEAD_CHARS));
  if (!m) return null;
  if (m[1] !== undefined) return { place: '全国' };
  const written = (m[2] ?? m[3]).trim();
  return { place: placeFromEnglish(written) ?? written };
}
