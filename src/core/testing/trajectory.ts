// Helpers for pure-logic tests of the engine (used with the FAKE backend in fake-backend.ts).
import { defaultRunConfig, type RunConfig, type SamplingConfig } from '../config.ts';
import type { RunEvent } from '../events.ts';
import { candidateRng } from '../random.ts';
import { sampleToken } from '../sampling.ts';
import type { FakeGenerator } from './fake-backend.ts';

/**
 * What candidate `id` samples when decoded alone, one row, no batching or pruning: the ground truth
 * that every batched method must reproduce token for token.
 */
export function soloTrajectory(
  generator: FakeGenerator,
  prompt: string,
  run: { readonly seed: number; readonly sampling: SamplingConfig; readonly maxNewTokens: number },
  id: number,
  /** Response tokens inherited from a parent (TreeBoN): the candidate continues after them. */
  inherited: readonly number[] = [],
): number[] {
  const promptIds = generator.encodePrompt(prompt);
  const rng = candidateRng(run.seed, id);
  const logits = new Float32Array(generator.info.vocabSize);
  const tokens: number[] = [...inherited];
  while (tokens.length < run.maxNewTokens) {
    generator.logitsAfter([...promptIds, ...tokens], logits);
    const token = sampleToken(logits, run.sampling, rng);
    tokens.push(token);
    if (generator.info.stopTokenIds.includes(token)) break;
  }
  return tokens;
}

const TIME_FIELDS = new Set(['t', 'wallMs', 'generateMs', 'scoreMs', 'pruneMs']);

/** The event log with every clock reading removed, for comparing runs. */
export function withoutTimes(events: readonly RunEvent[]): unknown {
  return JSON.parse(JSON.stringify(events, (key, value: unknown) => (TIME_FIELDS.has(key) ? undefined : value)));
}

export function eventsOf<T extends RunEvent['type']>(events: readonly RunEvent[], method: RunEvent['method'], type: T): Extract<RunEvent, { type: T }>[] {
  return events.filter((e): e is Extract<RunEvent, { type: T }> => e.method === method && e.type === type);
}

/** A small run for the fake backend: 4 prompt tokens, 32 new tokens, budget given in tokens of 64 bytes. */
export function fakeRunConfig(overrides: Partial<RunConfig> & { budgetTokens?: number } = {}): RunConfig {
  const { budgetTokens = 120, ...rest } = overrides;
  return { ...defaultRunConfig('tell me a story'), n: 8, maxNewTokens: 32, kvBudgetBytes: budgetTokens * 64, ...rest };
}
