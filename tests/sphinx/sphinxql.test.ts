import { describe, expect, it } from 'vitest';
import { failedAgents, metaOf, resultSets } from '../../src/index/sphinx/sphinxql.js';

// Messages as Sphinx 2.2.11 wrote them here, with shard1's agent (port 19527) killed, then both agents.
const ONE_DOWN = 'index passages_dist: agent 127.0.0.1:19527: connect() failed: errno=111, Operation now in progress';
const BOTH_DOWN =
  'index passages_dist: agent 127.0.0.1:19517: connect() failed: errno=111, Operation now in progress;\nindex passages_dist: agent 127.0.0.1:19527: connect() timed out';

describe('reading Sphinx answers', () => {
  it('names the agents a warning or error says failed', () => {
    expect(failedAgents(ONE_DOWN)).toEqual(['127.0.0.1:19527']);
    expect(failedAgents(BOTH_DOWN)).toEqual(['127.0.0.1:19517', '127.0.0.1:19527']);
    expect(failedAgents('sphinxql: syntax error, unexpected $end')).toEqual([]);
  });

  it('reads SHOW META into a map, joining repeated warnings', () => {
    const meta = metaOf([
      { Variable_name: 'warning', Value: ONE_DOWN },
      { Variable_name: 'total', Value: '2' },
      { Variable_name: 'total_found', Value: '2' },
      { Variable_name: 'warning', Value: 'second' },
    ]);
    expect(meta.get('total_found')).toBe('2');
    expect(meta.get('warning')).toBe(`${ONE_DOWN}; second`);
  });

  it('gives the rows of each statement of a batch, and none for a statement without rows', () => {
    expect(resultSets([{ id: 1 }], 1)).toEqual([[{ id: 1 }]]);
    expect(resultSets([[{ id: 1 }], [{ Variable_name: 'total', Value: '1' }]], 2)).toEqual([[{ id: 1 }], [{ Variable_name: 'total', Value: '1' }]]);
    expect(resultSets({ affectedRows: 1 }, 1)).toEqual([[]]);
  });
});
