// Pure test on a hand-written event log (no models): winners compared in one common pool.
import { expect, it } from 'vitest';
import type { RunEvent, ScoredCandidate } from '../core/events.ts';
import { crossMethodRewards } from './crossMethodRewards.ts';

const totals = { decodedTokens: 0, prefillTokens: 0, rewardTokens: 0, steps: 0, peakKvBytes: 0, wallMs: 0, generateMs: 0, scoreMs: 0, pruneMs: 0 };
const cand = (id: number, scores: number[], reward = 0): ScoredCandidate => ({ id, reward, scores, length: 3, finished: true, text: `c${id}` });

it('one scorer: the winner raw score', () => {
  const log: RunEvent[] = [
    { type: 'final', method: 'bon', t: 0, candidates: [cand(0, [1]), cand(1, [3])] },
    { type: 'run-end', method: 'bon', t: 0, winner: cand(1, [3], 3), stopped: false, totals },
  ];
  expect(crossMethodRewards(log, { rule: 'min', normalize: 'z', temperature: 1 })).toEqual([{ method: 'bon', winner: cand(1, [3], 3), reward: 3, worst: 1 }]);
});

it('several scorers: winners of two methods are re-combined in the union of their pools', () => {
  // Within its own pool each winner has combined reward 0.x; in the common pool B's winner is better on both scorers.
  const log: RunEvent[] = [
    { type: 'final', method: 'bon', t: 0, candidates: [cand(0, [0, 0]), cand(1, [1, 1])] },
    { type: 'run-end', method: 'bon', t: 0, winner: cand(1, [1, 1], 1), stopped: false, totals },
    { type: 'final', method: 'spr', t: 0, candidates: [cand(0, [0, 0]), cand(5, [2, 3])] },
    { type: 'run-end', method: 'spr', t: 0, winner: cand(5, [2, 3], 1), stopped: false, totals },
  ];
  const [bon, spr] = crossMethodRewards(log, { rule: 'min', normalize: 'rank', temperature: 1 });
  expect(spr!.reward!).toBeGreaterThan(bon!.reward!);
  expect(spr!.reward).toBe(1);
  expect(bon!.worst).toBeLessThan(bon!.reward!); // its weakest complete response, in the same common pool
});
