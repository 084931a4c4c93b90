// The run loop: every method of config.methods in order, each from the same seeded candidate
// streams (so results do not depend on the order), all events into one log.
import type { AbortSignalLike } from './abort.ts';
import type { Generator, Scorer } from './backend.ts';
import { runBestOfN } from './bestOfN.ts';
import type { RunConfig } from './config.ts';
import { EngineError } from './errors.ts';
import type { MethodId, RunEvent } from './events.ts';
import { MethodContext } from './methodContext.ts';
import type { NumericCheck } from './numericCheck.ts';
import { runSpeculativeRejection } from './speculativeRejection.ts';
import { runTreeBoN } from './treeBoN.ts';
import { validateRunConfig } from './validateRunConfig.ts';

export interface RunDeps {
  readonly generator: Generator;
  /** One or more reward models; with several, config.combine merges them. */
  readonly scorers: readonly Scorer[];
  readonly signal?: AbortSignalLike;
  readonly onEvent: (event: RunEvent) => void;
  /** Milliseconds from any origin; defaults to performance.now(). */
  readonly now?: () => number;
  /** How the generator's numbers on WebGPU compared with WASM's; recorded in every run-start. */
  readonly numericCheck?: NumericCheck;
}

export type MethodRunner = (ctx: MethodContext) => Promise<void>;

const RUNNERS: Record<MethodId, MethodRunner> = {
  bon: runBestOfN,
  spr: runSpeculativeRejection,
  treebon: runTreeBoN,
};

/** A monotonic clock without DOM or Node types: performance exists in browsers, workers and Node. */
function defaultNow(): () => number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? () => perf.now() : () => Date.now();
}

export async function runAlignment(config: RunConfig, deps: RunDeps): Promise<RunEvent[]> {
  const { generator, scorers, signal } = deps;
  if (scorers.length === 0) throw new EngineError({ code: 'invalid-config', field: 'scorers', message: 'Load at least one reward model.' });
  const promptIds = generator.encodePrompt(config.prompt);
  const checked = validateRunConfig(config, {
    promptTokens: promptIds.length,
    kvBytesPerToken: generator.info.kvBytesPerToken,
    ...(generator.info.maxPositions !== undefined && { maxPositions: generator.info.maxPositions }),
  });
  if (!checked.ok) {
    const first = checked.errors[0]!;
    throw new EngineError({ code: 'invalid-config', field: first.field, message: checked.errors.map((e) => e.message).join(' ') });
  }
  const now = deps.now ?? defaultNow();
  const clock = { now, runStart: now() };
  const events: RunEvent[] = [];
  const sink = (emitted: RunEvent): void => {
    const event = emitted.type === 'run-start' && deps.numericCheck ? { ...emitted, numericCheck: deps.numericCheck } : emitted;
    events.push(event);
    deps.onEvent(event);
  };

  for (const method of checked.config.methods) {
    if (signal?.aborted) break;
    const runner = RUNNERS[method];
    const ctx = new MethodContext(method, checked.config, generator, scorers, promptIds, sink, clock, signal);
    try {
      await runner(ctx);
    } catch (error) {
      if (!isAbort(error)) throw error;
      ctx.end(true);
      break;
    }
  }
  return events;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
