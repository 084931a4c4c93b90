// Figures for the sampler's cost per decode step (printed by a benchmark script; never asserted).
// The engine samples in TypeScript on the CPU, so with a large vocabulary this is real per-step work.
import type { SamplingConfig } from './config.ts';
import { candidateRng } from './random.ts';
import { sampleRows } from './sampling.ts';

export interface SamplingFigure {
  readonly label: string;
  readonly rows: number;
  readonly vocab: number;
  readonly msPerStep: number;
  readonly usPerRow: number;
}

export const BENCHMARK_SETTINGS: readonly { readonly label: string; readonly sampling: SamplingConfig }[] = [
  { label: 'greedy', sampling: { temperature: 0, topK: 0, topP: 1 } },
  { label: 'reference (T 1, top-k 50)', sampling: { temperature: 1, topK: 50, topP: 1 } },
  { label: 'unfiltered (T 1)', sampling: { temperature: 1, topK: 0, topP: 1 } },
  { label: 'nucleus (T 1, top-p 0.9)', sampling: { temperature: 1, topK: 0, topP: 0.9 } },
  { label: 'top-k 50 + top-p 0.9', sampling: { temperature: 1, topK: 50, topP: 0.9 } },
];

/** Logits shaped like a language model's: roughly normal with spread `scale`, so a few tokens dominate. */
export function syntheticLogits(rows: number, vocab: number, scale: number, seed = 1): Float32Array {
  const rng = candidateRng(seed, 0);
  const logits = new Float32Array(rows * vocab);
  for (let i = 0; i < logits.length; i++) logits[i] = (rng() + rng() + rng() + rng() - 2) * scale * Math.sqrt(3);
  return logits;
}

export function measureSampling(options: { rows: number; vocab: number; scale: number; repeats: number; now: () => number }): SamplingFigure[] {
  const { rows, vocab, repeats, now } = options;
  const logits = syntheticLogits(rows, vocab, options.scale);
  return BENCHMARK_SETTINGS.map(({ label, sampling }) => {
    const rngs = Array.from({ length: rows }, (_, id) => candidateRng(1, id));
    sampleRows(logits, vocab, sampling, rngs); // warm-up: let the JIT compile before timing
    const start = now();
    for (let r = 0; r < repeats; r++) sampleRows(logits, vocab, sampling, rngs);
    const msPerStep = (now() - start) / repeats;
    return { label, rows, vocab, msPerStep, usPerRow: (msPerStep * 1000) / rows };
  });
}
