// Pure words and numbers under the results table: the tie rule and what it decided, the reward scale,
// the total-cost formula, and "Against Best-of-N" as a difference. Event logs are FIXTURES.
import { describe, expect, it } from 'vitest';
import { sprEvents, twoMethodRun } from '../fixtures/two-method-run.ts';
import type { RunEvent } from '../../core/events.ts';
import { applyEvents, emptyRunState } from '../state/run-state.ts';
import { costFormula, formatCost, totalCost } from './result-cost.ts';
import { describeVersusBon, rewardGapWords } from './result-rows.ts';
import { rewardScaleText } from './reward-scale.ts';
import { tieNote, tiesThatDecided, TIE_RULE } from './ties.ts';

const lanesOf = (events: RunEvent[]) => {
  const s = applyEvents(emptyRunState, events);
  return s.methods.map((m) => s.lanes[m]!);
};

describe('ties', () => {
  it('states the rule, and that no tie decided anything in this run', () => {
    expect(tieNote(lanesOf(twoMethodRun))).toBe(`${TIE_RULE} In this run no cut and no winner was decided by a tie.`);
    expect(tieNote([])).toBe(TIE_RULE);
  });

  it('names a decision whose line fell inside a tie, and a tied winner', () => {
    const tied = sprEvents.map((e): RunEvent => {
      if (e.type === 'decision') return { ...e, candidates: e.candidates.map((c) => (c.id === 2 ? { ...c, reward: 1.2 } : c)) };
      if (e.type === 'final') return { ...e, candidates: e.candidates.map((c) => ({ ...c, reward: 2.5 })) };
      return e;
    });
    expect(tiesThatDecided(lanesOf(tied))).toEqual([
      { method: 'spr', round: 1, reward: 1.2, ids: [1, 2] },
      { method: 'spr', round: null, reward: 2.5, ids: [1, 3] },
    ]);
    expect(tieNote(lanesOf(tied))).toMatch(/a tie decided: Speculative Rejection's decision 1 \(#1, #2 at \+1\.20\); Speculative Rejection's winner \(#1, #3 at \+2\.50\)\.$/);
  });
});

describe('against Best-of-N', () => {
  it('says a reward difference is a difference, never "reward 0.00"', () => {
    expect(rewardGapWords(0)).toBe('same best reward');
    expect(rewardGapWords(0.04)).toBe('best reward higher by 0.04');
    expect(rewardGapWords(-0.031)).toBe('best reward lower by 0.03');
    expect(rewardGapWords(0.001)).toBe('best reward higher by 0.0010');
    expect(describeVersusBon({ computeSaved: 0.36, speedup: 2.8, rewardGap: 0 })).toBe('36% less compute, 2.8x as fast, same best reward');
    expect(describeVersusBon({ computeSaved: -0.92, speedup: 0.3, rewardGap: null })).toBe('92% more compute, 3.3x slower');
  });
});

describe('total cost', () => {
  const totals = { decodedTokens: 100, prefillTokens: 10, rewardTokens: 50, steps: 1, peakKvBytes: 0, wallMs: 1, generateMs: 1, scoreMs: 0, pruneMs: 0 };
  it('adds the generator\'s and the reward models\' FLOPs, and gives the formula with this run\'s sizes', () => {
    const cost = totalCost({ ...totals, generatorFlops: 2 * 843_000 * 110, rewardFlops: 2 * 7_000 * 50 });
    expect(cost).toEqual({ value: 2 * 843_000 * 110 + 2 * 7_000 * 50, unit: 'FLOPs' });
    expect(formatCost(cost)).toBe('1.9e8');
    expect(costFormula({ parameters: { generator: 843_000, scorers: [7_000] }, scorers: ['r'] }, 'FLOPs'))
      .toMatch(/^Total compute = 2 × 843K × \(tokens decoded \+ prefill tokens\) \+ 2 × 7K × reward-model tokens, in FLOPs/);
  });

  it('falls back to all tokens, and says so, when the log has no model sizes', () => {
    expect(totalCost(totals)).toEqual({ value: 160, unit: 'tokens' });
    expect(costFormula(null, 'tokens')).toMatch(/^Total compute = tokens decoded \+ prefill tokens \+ reward-model tokens/);
  });
});

describe('reward scale', () => {
  it('says what scale +0.30 is on for each kind of scorer', () => {
    expect(rewardScaleText([{ id: 'builtin-afinn-reward', kind: 'classifier' }], null)).toMatch(/mean valence .* −5 .* \+5/);
    expect(rewardScaleText([{ id: 'x', kind: 'implicit-dpo' }], null)).toMatch(/log-probability ratios/);
    expect(rewardScaleText([{ id: 'x', kind: 'classifier' }], null)).toMatch(/logit/);
    expect(rewardScaleText([{ id: 'x', kind: null }], null)).toMatch(/own units/);
    expect(rewardScaleText([{ id: 'a', kind: 'classifier' }, { id: 'b', kind: 'implicit-dpo' }], { rule: 'min', normalize: 'z', temperature: 0.5 }))
      .toMatch(/combine 2 scorers: .*z-scores.*the lowest of them/);
  });
});
