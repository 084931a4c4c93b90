// Partial rewards of sampled continuations, as Speculative Rejection sees them at a decision
// point: the rows still generating at L tokens, each scored on its first L tokens, and how
// often those scores are exact ties within a prompt's pool (where a cut has to break them).
import type { LoadedGenerator, LoadedScorer } from '../../src/models/index.ts';
import type { Continuation } from './sampleContinuations.ts';

/** Indices of the samples still generating after `length` tokens (longer than `length`). */
export function rowsLongerThan(samples: readonly Continuation[], length: number): number[] {
  return samples.flatMap((s, i) => (s.tokens.length > length ? [i] : []));
}

/** Scores of the given samples' first `length` tokens (all of each when undefined), as responses to their prompts. */
export async function scorePrefixes(
  generator: LoadedGenerator,
  scorer: LoadedScorer,
  prompts: readonly string[],
  samples: readonly Continuation[],
  rows: readonly number[],
  length?: number,
): Promise<number[]> {
  const requests = rows.map((i) => {
    const ids = samples[i]!.tokens.slice(0, length);
    return { prompt: prompts[samples[i]!.prompt]!, response: generator.decode(ids), responseTokenIds: ids };
  });
  return (await scorer.score(requests)).scores;
}

/** Share of rows whose score exactly equals another row's in the same group (a prompt's pool). */
export function tiedShare(scores: readonly number[], groups: readonly number[]): number {
  if (scores.length !== groups.length) throw new Error('tiedShare: one group per score');
  const tied = scores.filter((score, i) => scores.some((s, j) => j !== i && groups[j] === groups[i] && s === score));
  return tied.length / scores.length;
}
