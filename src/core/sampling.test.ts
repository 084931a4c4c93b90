import { describe, expect, it } from 'vitest';
import type { SamplingConfig } from './config.ts';
import { candidateRng } from './random.ts';
import { argmax, kthLargest, sampleRows, sampleToken, warpedCandidates } from './sampling.ts';

const logitsOf = (probs: number[]): Float32Array => new Float32Array(probs.map(Math.log));
const plain: SamplingConfig = { temperature: 1, topK: 0, topP: 1 };

function frequencies(logits: Float32Array, sampling: SamplingConfig, draws: number): number[] {
  const rng = candidateRng(9, 0);
  const counts = new Array<number>(logits.length).fill(0);
  for (let i = 0; i < draws; i++) counts[sampleToken(logits, sampling, rng)]!++;
  return counts.map((c) => c / draws);
}

describe('greedy', () => {
  it('temperature 0 takes the argmax, ties to the lowest id', () => {
    const rng = candidateRng(1, 0);
    expect(sampleToken(new Float32Array([0.1, 2, -1, 2]), { ...plain, temperature: 0 }, rng)).toBe(1);
    expect(argmax([-Infinity, -Infinity, -3])).toBe(2);
    expect(argmax([NaN, 1, NaN])).toBe(1);
  });

  it('top-k = 1 is greedy at any temperature', () => {
    const logits = new Float32Array([0.5, 0.4, 0.9, 0.1]);
    const rng = candidateRng(3, 1);
    for (let i = 0; i < 200; i++) expect(sampleToken(logits, { temperature: 5, topK: 1, topP: 1 }, rng)).toBe(2);
  });
});

describe('warpers', () => {
  it('top-k keeps every logit tied with the k-th (as HF does)', () => {
    expect(kthLargest([1, 3, 3, 2], 2)).toBe(3);
    expect(warpedCandidates(new Float32Array([1, 3, 3, 2]), { temperature: 1, topK: 1, topP: 1 }).ids).toEqual([1, 2]);
    expect(warpedCandidates(new Float32Array([1, 3, 3, 2]), { temperature: 1, topK: 3, topP: 1 }).ids).toEqual([1, 2, 3]);
  });

  it('top-p keeps the smallest top set whose mass reaches p', () => {
    const logits = logitsOf([0.5, 0.3, 0.15, 0.05]);
    const kept = (topP: number): number[] => warpedCandidates(logits, { temperature: 1, topK: 0, topP }).ids;
    expect(kept(0.75)).toEqual([0, 1]);
    expect(kept(0.9)).toEqual([0, 1, 2]);
    expect(kept(0.99)).toEqual([0, 1, 2, 3]);
    expect(kept(0.3)).toEqual([0]);
    expect(kept(0.01)).toEqual([0]);
  });

  it('top-p acts on the softmax after temperature', () => {
    // At T = 0.5 the probabilities become 0.5^2 : 0.3^2 : 0.15^2 : 0.05^2 = 0.685 : 0.247 : 0.062 : 0.007.
    const logits = logitsOf([0.5, 0.3, 0.15, 0.05]);
    expect(warpedCandidates(logits, { temperature: 0.5, topK: 0, topP: 0.9 }).ids).toEqual([0, 1]);
    expect(warpedCandidates(logits, { temperature: 1, topK: 0, topP: 0.9 }).ids).toEqual([0, 1, 2]);
  });

  it('top-p applies after top-k, on the renormalised remainder', () => {
    // top-k 3 leaves 0.5 : 0.3 : 0.15 (of 0.95): the top two hold 0.842 < 0.85, so all three stay.
    const logits = logitsOf([0.5, 0.3, 0.15, 0.05]);
    expect(warpedCandidates(logits, { temperature: 1, topK: 3, topP: 0.85 }).ids).toEqual([0, 1, 2]);
    expect(warpedCandidates(logits, { temperature: 1, topK: 3, topP: 0.8 }).ids).toEqual([0, 1]);
  });

  it('agrees with a literal transcription of HF\'s warpers on random logits, ties included', () => {
    // HF: top-k removes logits < the k-th largest; top-p sorts ascending, removes cumulative <= 1 - p, keeps the last.
    const literal = (logits: number[], { temperature, topK, topP }: SamplingConfig): number[] => {
      let scores = logits.map((l) => l / temperature);
      if (topK > 0) {
        const kth = [...scores].sort((a, b) => b - a)[Math.min(topK, scores.length) - 1]!;
        scores = scores.map((s) => (s < kth ? -Infinity : s));
      }
      if (topP < 1) {
        const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]! || b - a);
        const max = Math.max(...scores);
        const z = scores.reduce((sum, s) => sum + Math.exp(s - max), 0);
        let cumulative = 0;
        order.forEach((i, j) => {
          cumulative += Math.exp(scores[i]! - max) / z;
          if (cumulative <= 1 - topP && j < order.length - 1) scores[i] = -Infinity;
        });
      }
      return scores.flatMap((s, i) => (s > -Infinity ? [i] : []));
    };
    const rng = candidateRng(123, 0);
    for (let trial = 0; trial < 400; trial++) {
      const vocab = 2 + Math.floor(rng() * 40);
      // Half the trials on a coarse grid, so that many logits tie.
      const coarse = trial % 2 === 0;
      const logits = Array.from({ length: vocab }, () => (coarse ? Math.floor(rng() * 5) : (rng() - 0.5) * 12));
      const sampling = { temperature: 0.3 + rng() * 2, topK: Math.floor(rng() * 8), topP: rng() < 0.3 ? 1 : 0.05 + rng() * 0.9 };
      expect(warpedCandidates(new Float32Array(logits), sampling).ids, JSON.stringify({ logits, sampling })).toEqual(literal([...new Float32Array(logits)], sampling));
    }
  });

  it('ignores -Infinity logits (masked tokens)', () => {
    const logits = new Float32Array([-Infinity, 0, -Infinity, 0]);
    const freq = frequencies(logits, plain, 2000);
    expect(freq[0]).toBe(0);
    expect(freq[2]).toBe(0);
  });
});

describe('distribution', () => {
  it('matches the softmax', () => {
    const freq = frequencies(logitsOf([0.5, 0.3, 0.2]), plain, 30000);
    expect(Math.abs(freq[0]! - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(freq[1]! - 0.3)).toBeLessThan(0.015);
    expect(Math.abs(freq[2]! - 0.2)).toBeLessThan(0.015);
  });

  it('sharpens with temperature below 1 and renormalises after top-k', () => {
    const cold = frequencies(logitsOf([0.5, 0.3, 0.2]), { temperature: 0.5, topK: 0, topP: 1 }, 30000);
    const z = 0.25 + 0.09 + 0.04;
    expect(Math.abs(cold[0]! - 0.25 / z)).toBeLessThan(0.015);
    expect(Math.abs(cold[2]! - 0.04 / z)).toBeLessThan(0.015);
    const topTwo = frequencies(logitsOf([0.5, 0.3, 0.2]), { temperature: 1, topK: 2, topP: 1 }, 30000);
    expect(topTwo[2]).toBe(0);
    expect(Math.abs(topTwo[0]! - 0.625)).toBeLessThan(0.015);
  });
});

describe('sampleRows', () => {
  it('draws each row from its own stream, repeatably', () => {
    const vocab = 5;
    const logits = new Float32Array(Array.from({ length: 3 * vocab }, (_, i) => Math.sin(i)));
    const run = (): number[] => sampleRows(logits, vocab, plain, [0, 1, 2].map((id) => candidateRng(7, id)));
    const first = run();
    expect(first).toEqual(run());
    // Row 1 alone gives the same token as row 1 in the batch.
    expect(sampleToken(logits.subarray(vocab, 2 * vocab), plain, candidateRng(7, 1))).toBe(first[1]);
  });

  it('refuses logits shorter than rows x vocab', () => {
    expect(() => sampleRows(new Float32Array(4), 5, plain, [candidateRng(1, 0)])).toThrow(/4 logits for 1 rows of 5/);
  });
});
