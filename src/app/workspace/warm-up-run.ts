// A made-up run (not model output, never shown) that the warm-up renders off screen while the page is
// idle: every kind of event the trees and charts handle, for each method, in a few stages, so that the
// first real run finds their code compiled and their canvases created.
import type { MethodId, RunEvent, RunTotals, ScoredCandidate } from '../../core/events.ts';

const N = 256;
const LENGTH = 24;

function totals(decodedTokens: number, steps: number): RunTotals {
  return { decodedTokens, prefillTokens: N * 4, rewardTokens: 0, steps, peakKvBytes: N * 28 * 128, wallMs: steps * 10, generateMs: steps * 10, scoreMs: 0, pruneMs: 0 };
}

const scored = (id: number, length: number, finished: boolean): ScoredCandidate => ({
  id, reward: Math.sin(id * 12.9898) * 0.5, scores: [Math.sin(id * 12.9898) * 0.5], length, finished, text: '',
});

/** The event log of one method, cut into `stages` batches as if they streamed in. */
export function warmUpStages(method: MethodId, stages = 4): RunEvent[][] {
  const at = (t: number) => ({ method, t });
  const events: RunEvent[] = [
    {
      ...at(0), type: 'run-start', prompt: 'warm up', promptTokens: 4, n: N, maxNewTokens: LENGTH, kvBytesPerToken: 128,
      kvBudgetBytes: N * 28 * 128, capacityRows: method === 'bon' ? N / 2 : N, generator: 'warm-up', scorers: ['warm-up'], params: {},
    },
    { ...at(1), type: 'spawn', candidates: Array.from({ length: method === 'bon' ? N / 2 : N }, (_, id) => ({ id, parent: null, batch: 0, prefixLength: 0 })) },
  ];
  let alive = method === 'bon' ? N / 2 : N;
  let decoded = 0;
  for (let step = 1; step <= LENGTH; step++) {
    decoded += alive;
    events.push({ ...at(step * 10), type: 'step', step, alive, kvBytes: alive * (4 + step) * 128, totals: totals(decoded, step) });
    if (step === LENGTH / 2 && method !== 'bon') {
      const candidates = Array.from({ length: alive }, (_, id) => ({ ...scored(id, step, false), kept: id % 2 === 0 }));
      events.push({ ...at(step * 10 + 1), type: 'decision', round: 1, length: step, candidates });
      alive /= 2;
      if (method === 'treebon') {
        events.push({ ...at(step * 10 + 2), type: 'spawn', candidates: Array.from({ length: alive }, (_, i) => ({ id: N + i, parent: (i % alive) * 2, batch: 0, prefixLength: step })) });
      }
    }
  }
  const finished = Array.from({ length: alive }, (_, i) => scored(method === 'treebon' ? N + i : i * 2, LENGTH, true));
  for (const c of finished) events.push({ ...at(LENGTH * 10 + 1), type: 'finish', id: c.id, length: LENGTH, reason: 'max-length', text: '' });
  events.push({ ...at(LENGTH * 10 + 2), type: 'final', candidates: finished });
  events.push({ ...at(LENGTH * 10 + 3), type: 'run-end', winner: finished[0] ?? null, stopped: false, totals: totals(decoded, LENGTH) });
  const size = Math.ceil(events.length / stages);
  return Array.from({ length: stages }, (_, i) => events.slice(i * size, (i + 1) * size));
}
