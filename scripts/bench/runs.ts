// One engine run of chosen methods on a loaded pair, returning its log.
import type { Generator, Scorer } from '../../src/core/backend.ts';
import { defaultRunConfig, type RunConfig } from '../../src/core/config.ts';
import type { MethodId, RunEvent, RunEventOf } from '../../src/core/events.ts';
import { runAlignment } from '../../src/core/runAlignment.ts';

export interface Models {
  readonly generator: Generator;
  readonly scorers: readonly Scorer[];
}

export function benchConfig(prompt: string, methods: readonly MethodId[], n: number, maxNewTokens: number, budgetTokens: number, kvBytesPerToken: number, spr: Partial<RunConfig['spr']> = {}, extra: Partial<RunConfig> = {}): RunConfig {
  const base = defaultRunConfig(prompt);
  return { ...base, methods, n, maxNewTokens, seed: 1, kvBudgetBytes: budgetTokens * kvBytesPerToken, spr: { ...base.spr, ...spr }, ...extra };
}

export function run(models: Models, config: RunConfig): Promise<RunEvent[]> {
  return runAlignment(config, { generator: models.generator, scorers: models.scorers, onEvent: () => {} });
}

export function endOf(log: readonly RunEvent[], method: MethodId): RunEventOf<'run-end'> {
  const end = log.find((e): e is RunEventOf<'run-end'> => e.type === 'run-end' && e.method === method);
  if (!end) throw new Error(`no ${method} run in the log`);
  return end;
}

export function flopsOf(end: RunEventOf<'run-end'>): number | null {
  const t = end.totals;
  return t.generatorFlops !== undefined && t.rewardFlops !== undefined ? t.generatorFlops + t.rewardFlops : null;
}

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
export const mean = (xs: readonly number[]) => (xs.length === 0 ? Number.NaN : sum(xs) / xs.length);
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '-');
