import { describe, expect, it } from 'vitest';
import { emptyDigest } from './run-digest.ts';
import { beyondCap, newestFirst, RECENT_RUNS_CAP, type StoredRun } from './stored-run.ts';

const run = (id: string, createdAt: number, extra: Partial<StoredRun> = {}): StoredRun => ({
  id, createdAt, updatedAt: createdAt, ending: 'done', digest: emptyDigest, chunks: 1, ...extra,
});

describe('the kept runs', () => {
  it('are listed newest first', () => {
    expect(newestFirst([run('a', 1), run('c', 3), run('b', 2)]).map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });

  it(`keep the newest ${RECENT_RUNS_CAP} runs started by hand: the oldest beyond the cap go`, () => {
    const runs = Array.from({ length: RECENT_RUNS_CAP + 3 }, (_, i) => run(`r${i}`, i));
    expect(beyondCap(runs)).toEqual(['r2', 'r1', 'r0']);
    expect(beyondCap(runs.slice(0, RECENT_RUNS_CAP))).toEqual([]);
  });

  it('never count or delete a run in flight or a prompt set\'s runs', () => {
    const runs = [
      run('old-running', 0, { ending: 'running' }), run('set-0', 1, { set: { id: 's', index: 0 } }),
      run('a', 2), run('b', 3), run('c', 4, { ending: 'reload' }),
    ];
    expect(beyondCap(runs, 2)).toEqual(['a']);
  });
});
