import { describe, expect, it } from 'vitest';
import type { DecisionView, PartialReward } from '../state/run-state.ts';
import { endedThenCut, partialWords } from './partial-words.ts';

const decision = (round: number, length: number): DecisionView => ({ round, length, t: 0, decodedTokens: 0, kept: 0, total: 0, trigger: 'budget-full', cutForMemory: 0, candidates: [] });
const partial = (round: number, length: number, reward: number, kept: boolean): PartialReward => ({ round, length, reward, kept });
const decisions = [decision(1, 17), decision(2, 50)];

describe('partialWords', () => {
  it('gives each decision\'s own length, and says when the answer was already complete there', () => {
    const words = partialWords({ method: 'spr', decisions }, { partials: [partial(1, 17, 0.27, true), partial(2, 18, 0.27, true)] });
    expect(words).toEqual([
      'decision 1 at 17 tokens +0.27 (kept)',
      'decision 2 at 50 tokens: already complete (18 tokens), +0.27 on its whole text; ranked among the best, it stays in the pool of complete answers',
    ]);
    expect(partialWords({ method: 'spr', decisions }, { partials: [partial(2, 9, -0.1, false)] })[0]).toMatch(/already complete \(9 tokens\), -0\.10 .*outranked, it leaves the pool$/);
  });

  it('speaks of parents and slots for TreeBoN', () => {
    const words = partialWords({ method: 'treebon', decisions: [decision(1, 16), decision(2, 32)] }, { partials: [partial(1, 6, 0.47, true), partial(2, 32, 0.1, false)] });
    expect(words[0]).toMatch(/^layer 1 at 16 tokens: already complete \(6 tokens\), \+0\.47 .*keeps its slot \(a complete answer has no children\)$/);
    expect(words[1]).toBe('layer 2 at 32 tokens +0.10 (not chosen)');
  });

  it('tells an answer cut after it ended from one cut mid-answer', () => {
    expect(endedThenCut({ status: 'rejected', finishReason: 'stop-token', length: 9, partials: [partial(2, 9, 0, false)] }, { decisions })).toBe(true);
    expect(endedThenCut({ status: 'rejected', finishReason: null, length: 17, partials: [partial(1, 17, 0, false)] }, { decisions })).toBe(false);
    expect(endedThenCut({ status: 'finished', finishReason: 'stop-token', length: 9, partials: [partial(2, 9, 0, true)] }, { decisions })).toBe(false);
  });
});
