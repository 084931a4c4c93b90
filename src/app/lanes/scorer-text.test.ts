import { describe, expect, it } from 'vitest';
import type { CandidateView } from '../state/run-state.ts';
import { branchTooltip, scoresLine } from './scorer-text.ts';

const candidate: CandidateView = {
  id: 3, parent: null, batch: 0, prefixLength: 0, length: 8, status: 'rejected', finishReason: null, text: 'x', partials: [],
  finalReward: null, scores: [0.5, -2], breakdown: { normalized: [1.2, -0.7], weakest: 1 },
};
const names = ['AFINN positivity', 'Tiny random reward'];

describe('scores in words', () => {
  it('lists raw and normalised scores and names the lowest under MaxMin', () => {
    expect(scoresLine(candidate, names, { rule: 'min', normalize: 'z', temperature: 1 }))
      .toBe('AFINN positivity +0.50 (z +1.20) · Tiny random reward -2.00 (z -0.70) · lowest: Tiny random reward');
    expect(scoresLine(candidate, names, { rule: 'softmin', normalize: 'rank', temperature: 1 })).toMatch(/\(rank \+1\.20\).*lowest: Tiny/);
  });

  it('names no lowest under the mean, nor without a breakdown, and says nothing with one scorer', () => {
    expect(scoresLine(candidate, names, { rule: 'mean', normalize: 'z', temperature: 1 })).not.toMatch(/lowest/);
    expect(scoresLine({ ...candidate, breakdown: null }, names, { rule: 'min', normalize: 'z', temperature: 1 }))
      .toBe('AFINN positivity +0.50 · Tiny random reward -2.00');
    expect(scoresLine({ ...candidate, scores: [0.5] }, ['AFINN positivity'], null)).toBe('');
  });

  it('puts the scores on a second line of the branch tooltip', () => {
    expect(branchTooltip(candidate, 3, 'rejected', -0.7, names, { rule: 'min', normalize: 'z', temperature: 1 }))
      .toBe('#3 · rejected · reward -0.70\nAFINN positivity +0.50 (z +1.20) · Tiny random reward -2.00 (z -0.70) · lowest: Tiny random reward');
    expect(branchTooltip(undefined, 3, 'alive', null, names, null)).toBe('#3 · alive');
  });
});
