// Pure logic with a FAKE generator and clock: the wrappers must yield on time and pass everything through.
import { describe, expect, it } from 'vitest';
import type { DecodeBatch, Generator } from '../core/backend.ts';
import { TurnGiver, yieldingGenerator } from './yielding.ts';

function fakeGenerator(): Generator & { appended: number[][] } {
  const appended: number[][] = [];
  let lengths = [3, 3];
  const batch: DecodeBatch = {
    get rows() { return lengths.length; },
    get lengths() { return lengths; },
    nextLogits: new Float32Array(4),
    async append(tokens) {
      appended.push([...tokens]);
      lengths = lengths.map((l) => l + 1);
    },
    async selectRows(rows) {
      lengths = rows.map((r) => lengths[r] ?? 0);
    },
    async dispose() {},
  };
  return {
    appended,
    info: { id: 'fake', vocabSize: 2, stopTokenIds: [1], kvBytesPerToken: 8 },
    encodePrompt: () => [0, 0, 0],
    decode: (ids) => ids.join(','),
    prefill: async () => batch,
  };
}

describe('yielding wrappers', () => {
  it('give the event loop a turn only once per interval', async () => {
    let clock = 0;
    let yields = 0;
    const turns = new TurnGiver(50, () => clock, async () => { yields++; });
    const batch = await yieldingGenerator(fakeGenerator(), turns).prefill([[0, 0, 0]]);
    for (let step = 0; step < 10; step++) {
      clock += 20;
      await batch.append([0, 0]);
    }
    // 200 ms of steps at a 50 ms interval: a turn at 60, 120 and 180 ms (counted from the last turn).
    expect(yields).toBe(3);
  });

  it('pass calls and live batch state through', async () => {
    const inner = fakeGenerator();
    const batch = await yieldingGenerator(inner, new TurnGiver(1_000)).prefill([[0, 0, 0]]);
    await batch.append([1, 0]);
    expect(inner.appended).toEqual([[1, 0]]);
    expect(batch.lengths).toEqual([4, 4]);
    await batch.selectRows([1]);
    expect(batch.rows).toBe(1);
  });
});
