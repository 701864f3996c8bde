import { describe, expect, it } from 'vitest';
import { englishOrdinal, findEnglishDateline, parseEnglishSession, unwrapped } from '../../src/ingest/english-dateline.js';

describe('the dateline of a report written in English', () => {
  it('reads a session and the date in its sentence, the date written either way round, before or after', () => {
    expect(findEnglishDateline("Delivered at the Second Session of the 14th National People's Congress of the People's Republic of China on March 5, 2024")).toEqual({
      year: 2024,
      date: '2024-03-05',
      session: { body: "Second Session of the 14th National People's Congress of the People's Republic of China", place: '全国', term: 14, session: 2 },
    });
    expect(findEnglishDateline("—Delivered at the Second Session of the Twelfth People's Congress of Tibet Autonomous Region on 7 January 2024")).toMatchObject({
      date: '2024-01-07',
      session: { place: '西藏自治区', term: 12, session: 2 },
    });
    expect(findEnglishDateline("Adopted on March 11th, 2025 at the Third Session of the Fourteenth National People's Congress")?.date).toBe('2025-03-11');
    expect(findEnglishDateline("at the 2nd Session of the 14th Guangdong Provincial People’s Congress,\non Jan. 23, 2024")).toMatchObject({ date: '2024-01-23', session: { place: '广东省' } });
  });

  it('reads a dateline wrapped after a function word as one line', () => {
    const found = findEnglishDateline("Report on the Work of the Government\nDelivered at the Third Session of the 14th National People's Congress of the People's Republic of\nChina on March 5, 2025\n\nLi Qiang");
    expect(found?.date).toBe('2025-03-05');
    expect(found?.session?.body).toBe("Third Session of the 14th National People's Congress of the People's Republic of China");
    expect(unwrapped('Report on the Work\nof the Government')).toBe('Report on the Work\nof the Government');
    expect(unwrapped('Congress of\nChina')).toBe('Congress of China');
  });

  it('reads a date alone on its line under the title, dashes and brackets aside', () => {
    expect(findEnglishDateline('Report on the Work of the Government\nJanuary 21, 2024\nFellow Deputies,')).toEqual({ year: 2024, date: '2024-01-21', session: null });
    expect(findEnglishDateline('Report on the Work of the Government\n(5th of March, 2024)')?.date).toBe('2024-03-05');
  });

  it('reads a month and year alone on a line as the year, as a white paper is dated, not one in a sentence', () => {
    const cover = "China's Green Development in the New Era\nThe State Council Information Office of the People's Republic of China\nJanuary 2023\nPreface";
    expect(findEnglishDateline(cover)).toEqual({ year: 2023, date: null, session: null });
    expect(findEnglishDateline('Preface\nIn January 2023, the government published its plan.')).toBeNull();
  });

  it('keeps a session without a date, and a place the tables do not know as written', () => {
    expect(findEnglishDateline("Delivered at the Second Session of the 14th National People's Congress")).toEqual({
      year: null,
      date: null,
      session: { body: "Second Session of the 14th National People's Congress", place: '全国', term: 14, session: 2 },
    });
    expect(parseEnglishSession("the Fourth Session of the 18th Hongshan District People's Congress")?.place).toBe('Hongshan District');
  });

  it('takes no date the prose talks about, nor one a sentence away from the session', () => {
    expect(findEnglishDateline('Fellow Deputies,\nOn March 5, 2024, we held a meeting in Beijing.')).toBeNull();
    expect(findEnglishDateline("We attended the Second Session of the 14th National People's Congress. On March 5, 2024, it opened.")?.date).toBeNull();
  });

  it('reads ordinals in figures and words', () => {
    expect(['1st', '14th', 'Second', 'twelfth', 'Twenty-First', 'thirtieth'].map(englishOrdinal)).toEqual([1, 14, 2, 12, 21, 30]);
    expect(englishOrdinal('Standing')).toBeNull();
    expect(englishOrdinal('twenty-standing')).toBeNull();
  });
});
