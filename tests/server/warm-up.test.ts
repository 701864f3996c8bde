/**
 * The idle warm-up: nothing runs until its delay has passed, then one step a turn of the event loop, read from
 * the engine serving at that time; a failing step ends it with a line in the log; stop cancels what is left.
 * And the suggester's steps build what its first proposal would otherwise build.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCrossLang } from '../../src/crosslang/expand.js';
import { loadDictionary } from '../../src/crosslang/dictionary.js';
import { createSuggester } from '../../src/search/did-you-mean.js';
import { GLOSSARY_PATH, TEST_CACHE_DIR } from '../crosslang/helpers.js';
import { WARM_UP_DELAY_MS, warmUpLater } from '../../src/server/warm-up.js';
import { bundledVocabulary } from '../search/bundled-vocabulary.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('warmUpLater', () => {
  it('runs its steps after the delay, one a turn, and logs when all are done', async () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const lines: string[] = [];
    let reads = 0;
    const warm = warmUpLater(() => (reads++, [() => ran.push('a'), () => ran.push('b'), () => ran.push('c')]), { log: (l) => lines.push(l) });
    warm.schedule();
    await vi.advanceTimersByTimeAsync(WARM_UP_DELAY_MS - 1);
    expect(ran).toEqual([]);
    expect(reads).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    // The first step runs at once; each next one waits for its own turn.
    expect(ran).toEqual(['a']);
    await vi.runAllTimersAsync();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(reads).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warm-up done in \d+ ms \(3 steps, \d+ ms of work\)$/);
  });

  it('restarts its wait when scheduled again, and runs once', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const warm = warmUpLater(() => [() => runs++], { delayMs: 100 });
    warm.schedule();
    await vi.advanceTimersByTimeAsync(60);
    warm.schedule();
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toBe(0);
    await vi.runAllTimersAsync();
    expect(runs).toBe(1);
  });

  it('stops at a step that throws, saying so, and runs none after it', async () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const lines: string[] = [];
    const warm = warmUpLater(
      () => [
        () => ran.push('a'),
        () => {
          throw new Error('index closed');
        },
        () => ran.push('c'),
      ],
      { delayMs: 10, log: (l) => lines.push(l) },
    );
    warm.schedule();
    await vi.runAllTimersAsync();
    expect(ran).toEqual(['a']);
    expect(lines).toEqual(['warm-up stopped: index closed (the rest is built on first use)']);
  });

  it('runs nothing once stopped, before or between steps', async () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const before = warmUpLater(() => [() => ran.push('x')], { delayMs: 10 });
    before.schedule();
    before.stop();
    await vi.runAllTimersAsync();
    expect(ran).toEqual([]);
    const between = warmUpLater(() => [() => (ran.push('a'), between.stop()), () => ran.push('b')], { delayMs: 10 });
    between.schedule();
    await vi.runAllTimersAsync();
    expect(ran).toEqual(['a']);
  });

  it('logs nothing when there is nothing left to build', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    warmUpLater(() => [], { delayMs: 10, log: (l) => lines.push(l) }).schedule();
    await vi.runAllTimersAsync();
    expect(lines).toEqual([]);
  });
});

describe('the suggester\'s warm-up steps', () => {
  it('build the three vocabularies a first proposal would, and none twice', async () => {
    const suggester = createSuggester((await bundledVocabulary()).source);
    const steps = suggester.warmSteps();
    expect(steps).toHaveLength(3);
    for (const step of steps) step();
    expect(Object.keys(suggester.buildTimes()).sort()).toEqual(['chinese', 'chinese words', 'english', 'pinyin']);
    expect(suggester.warmSteps()).toEqual([]);
    // Built ahead, they propose what they would have built on first use.
    expect(suggester.candidates('toursim').map((c) => c.query)).toContain('tourism');
  });

  it('leave out what a proposal has built already', async () => {
    const suggester = createSuggester((await bundledVocabulary()).source);
    suggester.candidates('乡村振新');
    expect(suggester.warmSteps()).toHaveLength(2);
  });
});

describe('the cross-language data\'s step', () => {
  it('opens the dictionary once, before the first English query instead of in it', () => {
    let opened = 0;
    const crossLang = createCrossLang({
      glossaryPath: GLOSSARY_PATH,
      dictionary: () => (opened++, loadDictionary({ cacheDir: TEST_CACHE_DIR })),
      synonyms: null,
    });
    expect(opened).toBe(0);
    expect(crossLang.loaded()).toBe(false);
    crossLang.load();
    crossLang.load();
    expect(opened).toBe(1);
    expect(crossLang.loaded()).toBe(true);
    expect(crossLang.expandEnglish('earthquake')[0]?.zh.map((s) => s.term)).toContain('地震');
    expect(opened).toBe(1);
  });
});
