// The shipped examples' runs: the app's own run form (so a run here is the run a user gets by typing the
// same prompt and settings in the app), the engine, the built-in models, and what disagrees in the log.
import type { Generator, Scorer } from '../../src/core/backend.ts';
import type { MethodId, RunEvent } from '../../src/core/events.ts';
import { runAlignment } from '../../src/core/runAlignment.ts';
import { bestOfNAnswerFates } from '../../src/app/miss/answer-fate.ts';
import { missLine, type MissLine } from '../../src/app/miss/miss-words.ts';
import { checkRunForm, initialRunForm } from '../../src/app/run/run-form.ts';
import { applyEvents, emptyRunState, type RunState } from '../../src/app/state/run-state.ts';

/** What a user sets in the run panel to get the example (everything else at the panel's defaults). */
export interface ExampleSettings {
  readonly prompt: string;
  readonly seed: number;
  readonly n: number;
  readonly maxNewTokens: number;
  readonly kvBudgetTokens: number;
  readonly alpha: number;
  readonly sprStart: 'n' | 'memory';
}

export interface Models {
  readonly generator: Generator;
  readonly scorers: readonly Scorer[];
}

/** Runs the example as the app's Run button would; throws what the form would say when it is invalid. */
export async function runExample(models: Models, settings: ExampleSettings, methods: readonly MethodId[]): Promise<RunEvent[]> {
  const form = {
    ...initialRunForm(settings.prompt),
    methods,
    seed: String(settings.seed),
    n: String(settings.n),
    maxNewTokens: String(settings.maxNewTokens),
    kvBudgetTokens: String(settings.kvBudgetTokens),
    alpha: String(settings.alpha),
    sprStart: settings.sprStart,
  };
  const check = checkRunForm(form, {
    kvBytesPerToken: models.generator.info.kvBytesPerToken,
    promptTokens: models.generator.encodePrompt(settings.prompt).length,
    scorers: models.scorers.length,
  });
  if (!check.ok) throw new Error(`invalid example ${JSON.stringify(settings)}: ${JSON.stringify(check.errors)} ${check.other.join(' ')}`);
  return runAlignment(check.config, { generator: models.generator, scorers: models.scorers, onEvent: () => {} });
}

export interface Disagreement {
  readonly state: RunState;
  readonly line: MissLine | null;
  readonly bonWinner: number | null;
  readonly sprWinner: number | null;
  readonly treebonWinner: number | null;
}

export function disagreementOf(events: readonly RunEvent[]): Disagreement {
  const state = applyEvents(emptyRunState, events);
  const scorers = state.lanes.bon?.start?.scorers.length ?? 1;
  const winner = (m: MethodId) => state.lanes[m]?.end?.winner?.id ?? null;
  return {
    state, line: missLine(bestOfNAnswerFates(state), scorers === 1),
    bonWinner: winner('bon'), sprWinner: winner('spr'), treebonWinner: winner('treebon'),
  };
}

const TIME_FIELDS = new Set(['t', 'wallMs', 'generateMs', 'scoreMs', 'pruneMs']);

/** The log without clock readings: the same settings give the same tokens, rewards and decisions every time. */
function withoutTimes(events: readonly RunEvent[]): string {
  return JSON.stringify(events, (key, value: unknown) => (TIME_FIELDS.has(key) ? undefined : value));
}

/** Clock readings to the microsecond: the recorded pace, in files a third smaller. */
function roundTimes(events: readonly RunEvent[]): RunEvent[] {
  return JSON.parse(JSON.stringify(events, (key, value: unknown) => (TIME_FIELDS.has(key) && typeof value === 'number' ? Math.round(value * 1000) / 1000 : value)));
}

/**
 * The example run `tries` times, keeping the fastest try (the least wall time over its methods, as
 * benchmarks take the best of several): on a shared machine one run's pace is mostly its neighbours'
 * load, and the quietest try paces its methods against each other best. The events besides the clock
 * are the same in every try, which this checks.
 */
export async function recordFastest(models: Models, settings: ExampleSettings, methods: readonly MethodId[], tries: number): Promise<RunEvent[]> {
  const runs: RunEvent[][] = [];
  for (let i = 0; i < tries; i++) runs.push(await runExample(models, settings, methods));
  const reference = withoutTimes(runs[0]!);
  if (runs.some((r) => withoutTimes(r) !== reference)) throw new Error(`the tries of ${JSON.stringify(settings)} differ beyond their times`);
  const wall = (events: readonly RunEvent[]) =>
    events.reduce((sum, e) => sum + (e.type === 'run-end' ? e.totals.wallMs : 0), 0);
  return roundTimes(runs.reduce((a, b) => (wall(b) < wall(a) ? b : a)));
}
