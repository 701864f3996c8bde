/**
 * Who delivered a report written in English: a name and an office in its title block, on one line or two, never a
 * name from the prose. Without one, the session the report went to stood in as its issuer.
 */
import { describe, expect, it } from 'vitest';
import { findEnglishSpeaker } from '../../src/ingest/english-speaker.js';
import { inferMeta } from '../../src/ingest/infer-meta.js';

const TITLE = 'Report on the Work of the Government';
const DATELINE = "Delivered at the Third Session of the 14th National People's Congress of the People's Republic of China on March 5, 2025";
const BODY = 'Fellow Deputies,\nOn behalf of the State Council, I will now report to you on the work of the government for your deliberation.';

describe('the speaker of a report in English', () => {
  it('is the name and office of its title block, on two lines either way round or on one', () => {
    const expected = { name: 'Li Qiang', role: 'Premier of the State Council' };
    expect(findEnglishSpeaker(`${TITLE}\n\n${DATELINE}\n\nLi Qiang\nPremier of the State Council\n\n${BODY}`)).toEqual(expected);
    expect(findEnglishSpeaker(`${TITLE}\n\nPremier of the State Council\nLi Qiang\n\n${BODY}`)).toEqual(expected);
    expect(findEnglishSpeaker(`${TITLE}\n\nLi Qiang, Premier of the State Council\n\n${BODY}`)).toEqual(expected);
    expect(findEnglishSpeaker(`${TITLE}\n\nWang Weizhong\nGovernor of Guangdong Province\n\n${BODY}`)).toEqual({ name: 'Wang Weizhong', role: 'Governor of Guangdong Province' });
    expect(findEnglishSpeaker(`${TITLE}\nActing Mayor of Beijing\nYin Yong\n${BODY}`)).toEqual({ name: 'Yin Yong', role: 'Acting Mayor of Beijing' });
  });

  it('is nobody when the title block names none: not a name in the prose, not a body or a place', () => {
    expect(findEnglishSpeaker(`${TITLE}\n\n${DATELINE}\n\n${BODY}\nLi Qiang\nPremier of the State Council`)).toBeNull();
    expect(findEnglishSpeaker(`${TITLE}\n\nThe State Council\nPremier of the State Council\n\n${BODY}`)).toBeNull();
    expect(findEnglishSpeaker(`China's Green Development in the New Era\n\nThe State Council Information Office of the People's Republic of China\n\nJanuary 2023\n\nPreface\n\nChina is the world's largest developing country.`)).toBeNull();
  });

  it('is the issuer of the report, where the session stood in before', () => {
    const meta = inferMeta(`${TITLE}\n\n${DATELINE}\n\nLi Qiang\nPremier of the State Council\n\n${BODY}`);
    expect(meta.issuer).toBe('Li Qiang');
    expect(meta.issuerRole).toBe('Premier of the State Council');
    expect(meta.date).toBe('2025-03-05');
  });
});
