import { describe, expect, it } from 'vitest';
import type { ScoreRequest, Scorer } from './backend.ts';
import type { CombineConfig } from './config.ts';
import { combineOne, combinePool, rankScores, scorePool, scoreWithAll, zScores } from './scorePool.ts';

const combine = (rule: CombineConfig['rule'], normalize: CombineConfig['normalize'] = 'z', temperature = 0.5): CombineConfig => ({ rule, normalize, temperature });

// A FAKE scorer for pure-logic tests: returns fixed scores by response text.
function tableScorer(id: string, table: Record<string, number>, tokensPerCall = 3): Scorer & { calls: number } {
  return {
    id,
    label: id,
    calls: 0,
    async score(requests: readonly ScoreRequest[]) {
      this.calls++;
      return { scores: requests.map((r) => table[r.response]!), tokens: tokensPerCall };
    },
  };
}

describe('normalisation', () => {
  it('z-scores over the pool (population std), zeros when constant', () => {
    expect(zScores([1, 2, 3])).toEqual([-Math.sqrt(1.5), 0, Math.sqrt(1.5)]);
    expect(zScores([4, 4])).toEqual([0, 0]);
  });

  it('ranks in [0, 1], ties sharing their average rank', () => {
    expect(rankScores([10, 30, 20])).toEqual([0, 1, 0.5]);
    expect(rankScores([5, 5, 1, 9])).toEqual([0.5, 0.5, 0, 1]);
    expect(rankScores([7])).toEqual([0]);
  });
});

describe('combining', () => {
  it('min, mean and soft-min of one candidate', () => {
    expect(combineOne([1, -2, 3], combine('min'))).toBe(-2);
    expect(combineOne([1, -2, 3], combine('mean'))).toBeCloseTo(2 / 3, 12);
    // Soft-min lies between min and mean, approaching min as T -> 0 and mean as T grows.
    const soft = combineOne([1, -2, 3], combine('softmin', 'z', 0.5));
    expect(soft).toBeGreaterThan(-2);
    expect(soft).toBeLessThan(2 / 3);
    expect(combineOne([1, -2, 3], combine('softmin', 'z', 1e-3))).toBeCloseTo(-2, 2);
    expect(combineOne([1, -2, 3], combine('softmin', 'z', 1e4))).toBeCloseTo(2 / 3, 3);
    // -T log mean exp(-x / T) for x = [0, 1], T = 1: -log((1 + e^-1) / 2).
    expect(combineOne([0, 1], combine('softmin', 'z', 1))).toBeCloseTo(-Math.log((1 + Math.exp(-1)) / 2), 12);
  });

  it('one scorer: the reward is its raw score', () => {
    expect(combinePool([[5], [-1], [2]], combine('min'))).toEqual([5, -1, 2]);
  });

  it('several scorers: normalise each over the pool, then combine', () => {
    // Scorer A ranks c0 < c1 < c2, scorer B the reverse on a different scale.
    const raw = [[1, 300], [2, 200], [3, 100]];
    expect(combinePool(raw, combine('min', 'rank'))).toEqual([0, 0.5, 0]);
    expect(combinePool(raw, combine('mean', 'rank'))).toEqual([0.5, 0.5, 0.5]);
    const z = Math.sqrt(1.5);
    expect(combinePool(raw, combine('min', 'z'))).toEqual([-z, 0, -z]);
  });
});

describe('MaxMin on a hand-made pool', () => {
  // Four candidates, two reward models on different scales. Candidate 0 is the first model's
  // favourite and only average for the second; candidate 1 is good for both.
  //   A = [10, 6, 2, 2]: mean 5, std sqrt(11)  -> z = [ 1.508,  0.302, -0.905, -0.905]
  //   B = [ 5, 6, 8, 1]: mean 5, std sqrt(6.5) -> z = [ 0.000,  0.392,  1.177, -1.569]
  //   min  = [0.000, 0.302, -0.905, -1.569] -> candidate 1 (the best worst-normalised score)
  //   mean = [0.754, 0.347,  0.136, -1.237] -> candidate 0
  const raw = [[10, 5], [6, 6], [2, 8], [2, 1]];
  const winner = (rewards: readonly number[]): number => rewards.indexOf(Math.max(...rewards));
  const zA = [10, 6, 2, 2].map((x) => (x - 5) / Math.sqrt(11));
  const zB = [5, 6, 8, 1].map((x) => (x - 5) / Math.sqrt(6.5));

  it('min picks the candidate whose worst normalised score is best; mean picks another', () => {
    const min = combinePool(raw, combine('min'));
    min.forEach((r, i) => expect(r).toBeCloseTo(Math.min(zA[i]!, zB[i]!), 12));
    expect(winner(min)).toBe(1);
    const mean = combinePool(raw, combine('mean'));
    mean.forEach((r, i) => expect(r).toBeCloseTo((zA[i]! + zB[i]!) / 2, 12));
    expect(winner(mean)).toBe(0);
  });

  it('soft-min moves from the min rule\'s pick to the mean rule\'s as its temperature grows', () => {
    expect(winner(combinePool(raw, combine('softmin', 'z', 0.05)))).toBe(1);
    expect(winner(combinePool(raw, combine('softmin', 'z', 100)))).toBe(0);
  });

  it('with rank normalisation min picks the same balanced candidate', () => {
    // Ranks: A = [1, 2/3, 1/6, 1/6] (the tie shares 0 and 1/3), B = [1/3, 2/3, 1, 0].
    const min = combinePool(raw, combine('min', 'rank'));
    expect(min).toEqual([1 / 3, 2 / 3, 1 / 6, 0]);
    expect(winner(min)).toBe(1);
  });
});

describe('scoring a pool', () => {
  const requests: ScoreRequest[] = ['a', 'b'].map((response) => ({ prompt: 'p', response }));

  it('keeps raw scores per scorer and sums their tokens', async () => {
    const a = tableScorer('a', { a: 1, b: 2 }, 5);
    const b = tableScorer('b', { a: 20, b: 10 }, 7);
    const result = await scorePool([a, b], requests, combine('min', 'rank'));
    expect(result.raw).toEqual([[1, 20], [2, 10]]);
    expect(result.tokens).toBe(12);
    expect(result.rewards).toEqual([0, 0]);
  });

  it('checks the signal before every scoring call', async () => {
    const signal = { aborted: false };
    const a = tableScorer('a', { a: 1, b: 2 });
    const stopper: Scorer = { id: 's', label: 's', score: async (r) => ((signal.aborted = true), { scores: r.map(() => 0), tokens: 0 }) };
    await expect(scoreWithAll([stopper, a], requests, signal)).rejects.toThrow(/Stopped/);
    expect(a.calls).toBe(0);
  });

  it('rejects a scorer that returns the wrong number of scores', async () => {
    const bad: Scorer = { id: 'bad', label: 'bad', score: async () => ({ scores: [1], tokens: 0 }) };
    await expect(scoreWithAll([bad], requests)).rejects.toThrow(/returned 1 scores for 2/);
  });
});
