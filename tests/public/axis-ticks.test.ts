/**
 * A chart's year axis: every year from the first to the last (a year without matches is a gap, not skipped),
 * and the years written under it: the first and the last always, about eight in all, and never two so close
 * that they overprint (the last year was drawn over the one before it, "2024" under "2025").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisTicks, yearSlots } from '../../public/js/axis-ticks.js';

const layout = { width: 300, labelWidth: 32 };

describe('axisTicks', () => {
  it('labels the years of reports 1954-2025 (61 bars) every eighth and the last, without the step next to it', () => {
    // Before: 0, 8, …, 56 and 60, the last four bars (20 units) after a label 32 wide.
    expect([...axisTicks(61, layout)]).toEqual([0, 8, 16, 24, 32, 40, 48, 60]);
  });

  it('labels every bar of a few, and only the last of two with no room for both', () => {
    expect([...axisTicks(2, { width: 100, labelWidth: 60 })]).toEqual([1]);
    expect([...axisTicks(5, layout)]).toEqual([0, 1, 2, 3, 4]);
    expect([...axisTicks(1, layout)]).toEqual([0]);
    expect([...axisTicks(0, layout)]).toEqual([]);
  });

  it('keeps the step before the last when there is room (72 years, 1954-2025, in the trends chart)', () => {
    expect([...axisTicks(72, layout)]).toEqual([0, 9, 18, 27, 36, 45, 54, 63, 71]);
  });

  it('labels the last bar, and the first where two fit; at most nine, no two closer than a label is wide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 100, max: 1000 }), fc.integer({ min: 8, max: 60 }), (count, width, labelWidth) => {
        const ticks = [...axisTicks(count, { width, labelWidth })];
        // Bars apart, in the chart's units: multiplied before dividing, so that exactly a label's width is not a
        // hair less (187 bars of 105/385 units each came out 50.99999999999999 against 51).
        const apart = (bars: number): number => (bars * width) / count;
        const twoFit = apart(count - 1) >= labelWidth;
        expect(ticks[0]).toBe(twoFit ? 0 : count - 1);
        expect(ticks[ticks.length - 1]).toBe(count - 1);
        expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
        expect(ticks.length).toBeLessThanOrEqual(9);
        for (let k = 1; k < ticks.length; k++) expect(apart((ticks[k] as number) - (ticks[k - 1] as number))).toBeGreaterThanOrEqual(labelWidth);
      }),
      { numRuns: 500 },
    );
  });
});

describe('yearSlots', () => {
  it('spans every year from the first to the last, so that years without matches are gaps', () => {
    expect(yearSlots(['2025', '2019', '2021'])).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(yearSlots(['2024', '2024'])).toEqual(['2024']);
    expect(yearSlots([])).toEqual([]);
  });

  it('lists the years alone when a stray year would make the axis centuries long', () => {
    expect(yearSlots(['1', '2024', '2025'])).toEqual(['1', '2024', '2025']);
  });

  it('holds every year given, ascending, one slot a year', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1900, max: 2030 }), { minLength: 1, maxLength: 40 }), (years) => {
        const slots = yearSlots(years.map(String)).map(Number);
        for (const y of years) expect(slots).toContain(y);
        for (let i = 1; i < slots.length; i++) expect(slots[i]).toBe((slots[i - 1] as number) + 1);
      }),
    );
  });
});
