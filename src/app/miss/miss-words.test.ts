import { describe, expect, it } from 'vitest';
import type { ScoredCandidate } from '../../core/events.ts';
import type { AnswerFate, BestOfNAnswerFates } from './answer-fate.ts';
import { fateMark, missLine, ordinal } from './miss-words.ts';

const candidate = (id: number, reward: number): ScoredCandidate => ({ id, reward, scores: [reward], length: 40, finished: true, text: 'w' });
const answer = candidate(3, 0.2);
const fates = (fate: AnswerFate, theirs: ScoredCandidate | null): BestOfNAnswerFates => ({
  answer, n: 32, spr: { method: 'spr', fate, answer: theirs }, treebon: null,
});
const cut = (forMemory: boolean): AnswerFate => ({
  kind: 'cut', memberId: 3, at: { round: 1, length: 18, partialReward: -0.02, rank: forMemory ? 12 : 28, pool: 32, kept: forMemory ? 10 : 16, forMemory },
});

describe('missLine', () => {
  it('says Speculative Rejection missed the answer, where and why, when its own answer is worse', () => {
    const line = missLine(fates(cut(false), candidate(6, 0.18)), true)!;
    expect(line.kind).toBe('missed');
    expect(line.text).toBe(
      "Speculative Rejection missed Best-of-N's answer (#3): it was cut at decision 1 (18 tokens) because its partial reward there, -0.02, " +
        "ranked 28th of 32 and only the best 16 went on. Complete, it scores +0.20; Speculative Rejection's answer (#6) scores +0.18.",
    );
  });

  it('names the memory when α would have kept it', () => {
    expect(missLine(fates(cut(true), candidate(6, 0.18)), true)!.text).toMatch(/ranked 12th of 32, among those α keeps, but only 10 could go on inside the KV budget/);
  });

  it('is no miss when another answer is as good, or when it was kept', () => {
    expect(missLine(fates(cut(false), candidate(40, 0.25)), true)!.kind).toBe('cut-but-matched');
    expect(missLine(fates({ kind: 'complete', memberId: 3, chosen: true }, answer), true)).toEqual({
      kind: 'found', text: "Speculative Rejection kept Best-of-N's answer (#3) through every decision and chose it too.",
    });
    expect(missLine(fates({ kind: 'complete', memberId: 3, chosen: false }, candidate(50, 0.27)), true)!.kind).toBe('beaten');
  });

  it('with several scorers (rewards on each lane\'s own scale) a different answer is a miss', () => {
    expect(missLine(fates(cut(false), candidate(40, 9)), false)!.kind).toBe('missed');
  });

  it('says when the answer never started', () => {
    expect(missLine(fates({ kind: 'not-started', started: 20 }, candidate(6, 0.1)), true)!.text)
      .toMatch(/^Speculative Rejection missed Best-of-N's answer: it never started it \(#3\): the KV budget gave only 20 candidates a first round\./);
  });

  it('is null without a Speculative Rejection lane to compare', () => {
    expect(missLine(null, true)).toBeNull();
    expect(missLine({ answer, n: 32, spr: null, treebon: null }, true)).toBeNull();
  });
});

describe('fateMark', () => {
  it('marks each lane in its own words', () => {
    expect(fateMark('spr', cut(false), 3)).toBe("Best-of-N's answer (#3): cut at decision 1 (18 tokens), partial reward -0.02, 28th of 32");
    expect(fateMark('treebon', { ...cut(false), memberId: 40 } as AnswerFate, 3))
      .toBe("Best-of-N's answer (#3) (here #40): not chosen as a parent at layer 1 (18 tokens), partial reward -0.02, 28th of 32");
    expect(fateMark('treebon', { kind: 'complete', memberId: 90, chosen: true }, 3)).toBe("Best-of-N's answer (#3) (here #90): written to its end here, and chosen");
  });

  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });
});
