// N seeded continuations of each prompt from a loaded generator, batched with its KV cache, using the
// engine's own sampler and per-candidate random streams (so the same seed gives the same samples).
import type { SamplingConfig } from '../../src/core/config.ts';
import { candidateRng } from '../../src/core/random.ts';
import { sampleRows } from '../../src/core/sampling.ts';
import type { LoadedGenerator } from '../../src/models/index.ts';

export interface Continuation {
  /** Index of its prompt. */
  readonly prompt: number;
  readonly tokens: number[];
  /** It ended with a stop token (rather than at the length limit). */
  ended: boolean;
}

export interface Sampled {
  readonly samples: Continuation[];
  readonly decodedTokens: number;
  readonly decodeMs: number;
}

export async function sampleContinuations(
  generator: LoadedGenerator,
  prompts: readonly string[],
  options: { n: number; maxNewTokens: number; seed: number; sampling: SamplingConfig },
): Promise<Sampled> {
  const { n, maxNewTokens, seed, sampling } = options;
  const stops = new Set(generator.info.stopTokenIds);
  const vocab = generator.info.vocabSize;
  const samples: Continuation[] = [];
  let decodeMs = 0;
  let decodedTokens = 0;
  for (const [p, prompt] of prompts.entries()) {
    const promptIds = generator.encodePrompt(prompt);
    const rngs = Array.from({ length: n }, (_, i) => candidateRng(seed, p * n + i));
    const rows: Continuation[] = Array.from({ length: n }, () => ({ prompt: p, tokens: [], ended: false }));
    const t0 = performance.now();
    const batch = await generator.prefill(rows.map(() => promptIds));
    for (let step = 0; step < maxNewTokens && rows.some((r) => !r.ended); step++) {
      const next = sampleRows(batch.nextLogits, vocab, sampling, rngs);
      next.forEach((token, r) => {
        const row = rows[r]!;
        if (row.ended) return;
        if (stops.has(token)) row.ended = true;
        else row.tokens.push(token);
      });
      await batch.append(next);
      decodedTokens += rows.length;
    }
    await batch.dispose();
    decodeMs += performance.now() - t0;
    samples.push(...rows);
  }
  return { samples, decodedTokens, decodeMs };
}
