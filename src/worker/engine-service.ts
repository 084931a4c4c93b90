// What the worker does, independent of comlink and of how the worker was started: loads models with
// the model layer, runs the engine, and reports progress and events in batches. Runs in Node too
// (tests point it at model folders on disk).
import type { RunConfig } from '../core/config.ts';
import { EngineError, toErrorData, type EngineErrorData } from '../core/errors.ts';
import type { RunEvent } from '../core/events.ts';
import type { NumericCheck } from '../core/numericCheck.ts';
import { runAlignment } from '../core/runAlignment.ts';
import type { Scorer } from '../core/backend.ts';
import {
  checkAgainstReference, choosePlacement, loadGenerator, loadImplicitReward, loadRewardModel, onDeviceLost, probeCapabilities,
  type Capabilities, type LoadedGenerator, type LoadedScorer, type LoadProgress, type ModelSource, type Placement,
} from '../models/index.ts';
import { describeAdapter } from './adapter-report.ts';
import type {
  CapabilityReport, EngineWorkerApi, LoadedModels, LoadRequest, LoadUpdate, ModelSourceSpec, Outcome, RewardSpec, RunSummary,
} from './api.ts';
import { createBatcher } from './batcher.ts';
import { TurnGiver, yieldingGenerator, yieldingScorer } from './yielding.ts';

export interface EngineServiceOptions {
  /** The model layer's source for what the UI picked (built-ins live at a URL only the worker knows). */
  readonly toModelSource: (spec: ModelSourceSpec) => ModelSource;
  /** How often batched events go out (default 50 ms). */
  readonly flushIntervalMs?: number;
  readonly threads?: number;
  readonly crossOriginIsolated?: boolean;
  /** TEST ONLY (the end-to-end test of the mismatch warning): shifts the device's numbers in the WebGPU check. */
  readonly testOnlyPerturbation?: () => number | undefined;
}

interface Loaded {
  readonly generator: LoadedGenerator;
  readonly scorers: readonly LoadedScorer[];
  readonly numericCheck?: NumericCheck;
}

const SKIPPED = 'skipped on request';

/** Moments the UI should see at once rather than at the next flush. */
const URGENT: ReadonlySet<RunEvent['type']> = new Set(['run-start', 'decision', 'final', 'prefix-scores', 'run-end']);

export class EngineService implements EngineWorkerApi {
  private loaded: Loaded | null = null;
  private capabilities: Capabilities | null = null;
  private abort: AbortController | null = null;
  /** The WebGPU numerical check in progress, which stop() cancels too. */
  private checking: AbortController | null = null;

  constructor(private readonly options: EngineServiceOptions) {}

  async probe(): Promise<Outcome<CapabilityReport>> {
    return attempt(async () => {
      const caps = await this.caps();
      const adapter = await describeAdapter();
      const placement = choosePlacement(caps);
      const option = (p: Placement) => ({ device: p.device === 'webgpu' ? 'webgpu' as const : 'wasm' as const, dtypes: [p.dtype, ...p.fallbackDtypes] });
      const placements = {
        auto: option(placement),
        wasm: option(choosePlacement(caps, { device: 'wasm' })),
        webgpu: option(choosePlacement(caps, { device: 'webgpu' })),
      };
      return {
        webgpu: caps.webgpu ? adapter.report : null,
        webgpuProblem: caps.webgpu ? null : adapter.problem ?? 'no WebGPU adapter',
        crossOriginIsolated: this.options.crossOriginIsolated ?? false,
        threads: this.options.threads ?? 1,
        placement: { device: placement.device === 'webgpu' ? 'webgpu' : 'wasm', dtype: placement.dtype, reason: placement.reason },
        placements,
      };
    });
  }

  async load(request: LoadRequest, onUpdates: (updates: LoadUpdate[]) => void): Promise<Outcome<LoadedModels>> {
    const updates = createBatcher<LoadUpdate>(onUpdates, { intervalMs: 100, isUrgent: (u) => u.type === 'stage' });
    try {
      return await attempt(async () => {
        await this.unload();
        const placement = await this.place(request);
        const onProgress = (p: LoadProgress) =>
          updates.push({ type: 'file', model: p.model, file: p.file, loaded: p.loaded, total: p.total, done: p.status === 'done' });
        const opts = { device: placement.device, dtype: placement.dtype, fallbackDtypes: placement.fallbackDtypes, onProgress };
        const started = now();
        updates.push({ type: 'stage', stage: 'download', message: `Fetching ${describe(request.generator)}…` });
        const generator = await blamingFolder(request.generator, () => loadGenerator(this.options.toModelSource(request.generator), opts));
        const scorers: LoadedScorer[] = [];
        try {
          for (const [i, reward] of request.rewards.entries()) {
            const which = request.rewards.length > 1 ? ` (scorer ${i + 1} of ${request.rewards.length})` : '';
            updates.push({ type: 'stage', stage: 'download', message: `Fetching ${describeReward(reward)}${which}…` });
            scorers.push(await this.loadScorer(reward, generator, opts));
          }
        } catch (error) {
          await Promise.allSettled([generator.dispose(), ...scorers.map((s) => s.dispose())]);
          throw error;
        }
        this.loaded = { generator, scorers };
        const loadMs = now() - started;
        updates.push({ type: 'stage', stage: 'warmup', message: 'Warming up: one token through every model (compiles GPU shaders)…' });
        const warmupMs = await warmUp(generator, scorers);
        let check: NumericCheck | { readonly skipped: string } | null = null;
        if (generator.device === 'webgpu') {
          updates.push({ type: 'stage', stage: 'check', message: 'Checking WebGPU\'s numbers against WASM: a WASM copy of the models, one short input…' });
          check = await this.checkNumbers(request, generator, scorers);
          if (!('skipped' in check)) this.loaded = { generator, scorers, numericCheck: check };
        }
        updates.push({ type: 'stage', stage: 'ready', message: `Ready: loaded in ${Math.round(loadMs)} ms, warmed up in ${Math.round(warmupMs)} ms.` });
        const info = generator.info;
        return {
          ...(check !== null && ('skipped' in check ? { numericCheckSkipped: check.skipped } : { numericCheck: check })),
          generator: { id: info.id, kvBytesPerToken: info.kvBytesPerToken, maxPositions: info.maxPositions ?? null, vocabSize: info.vocabSize },
          scorers: scorers.map((s, i) => ({ id: s.id, label: s.label, kind: request.rewards[i]?.kind ?? 'classifier' })),
          device: generator.device === 'webgpu' ? 'webgpu' : 'wasm',
          dtype: generator.dtype,
          loadMs,
          warmupMs,
        };
      });
    } finally {
      updates.flush();
    }
  }

  async promptTokens(prompt: string): Promise<Outcome<number>> {
    return attempt(async () => this.models().generator.encodePrompt(prompt).length);
  }

  async run(config: RunConfig, onEvents: (events: RunEvent[]) => void): Promise<Outcome<RunSummary>> {
    // One run at a time: a second one would interleave its events with the first's in the UI's log.
    if (this.abort) return { ok: false, error: { code: 'invalid-config', message: 'A run is already in progress: stop it first.' } };
    const events = createBatcher<RunEvent>(onEvents, { intervalMs: this.options.flushIntervalMs ?? 50, isUrgent: (e) => URGENT.has(e.type) });
    const abort = new AbortController();
    this.abort = abort;
    try {
      return await attempt(async () => {
        const { generator, scorers } = this.models();
        const turns = new TurnGiver(Math.min(25, this.options.flushIntervalMs ?? 50));
        const log = await runAlignment(config, {
          generator: yieldingGenerator(generator, turns),
          scorers: scorers.map((s): Scorer => yieldingScorer(s, turns)),
          signal: abort.signal,
          onEvent: (e) => events.push(e),
          ...(this.loaded?.numericCheck && { numericCheck: this.loaded.numericCheck }),
        });
        return { stopped: abort.signal.aborted, events: log.length };
      });
    } finally {
      events.flush();
      if (this.abort === abort) this.abort = null;
    }
  }

  stop(): void {
    this.abort?.abort();
    this.checking?.abort();
  }

  async watchDeviceLoss(listener: (error: EngineErrorData) => void): Promise<Outcome<void>> {
    return attempt(async () => {
      onDeviceLost((info) => listener(deviceLostError(info.message)));
    });
  }

  private models(): Loaded {
    if (!this.loaded) throw new EngineError({ code: 'invalid-config', message: 'No models are loaded.', hint: 'Load the models first.' });
    return this.loaded;
  }

  private async caps(): Promise<Capabilities> {
    this.capabilities ??= await probeCapabilities();
    return this.capabilities;
  }

  private async place(request: LoadRequest): Promise<Placement> {
    const caps = await this.caps();
    if (request.device === 'webgpu' && caps.runtime === 'browser' && caps.webgpu === null) {
      throw new EngineError({ code: 'webgpu-unavailable', message: 'WebGPU was asked for, but this browser has no WebGPU adapter.' });
    }
    return choosePlacement(caps, request.device === 'auto' ? {} : { device: request.device });
  }

  /**
   * The first batch's numbers on WebGPU against a WASM copy's (WebGPU can be silently wrong on some
   * drivers). Never fails the load: a check that cannot run says why.
   */
  private async checkNumbers(request: LoadRequest, generator: LoadedGenerator, scorers: readonly LoadedScorer[]): Promise<NumericCheck | { readonly skipped: string }> {
    const checking = new AbortController();
    this.checking = checking;
    const classifier = request.rewards.findIndex((r, i) => r.kind === 'classifier' && scorers[i]?.device === 'webgpu');
    const reward = request.rewards[classifier];
    try {
      const perturbation = this.options.testOnlyPerturbation?.();
      const check = await checkAgainstReference(
        {
          generator,
          generatorSource: this.options.toModelSource(request.generator),
          ...(reward?.kind === 'classifier' && { scorer: { model: scorers[classifier]!, source: this.options.toModelSource(reward.source) } }),
        },
        { referenceDevice: 'wasm', signal: checking.signal, ...(perturbation !== undefined && { testOnlyPerturbation: perturbation }) },
      );
      // Asked to skip as it ended: the user chose not to wait for it.
      return checking.signal.aborted ? { skipped: SKIPPED } : check;
    } catch (error) {
      return { skipped: checking.signal.aborted ? SKIPPED : `a WASM copy could not be compared (${toErrorData(error).message})` };
    } finally {
      if (this.checking === checking) this.checking = null;
    }
  }

  private loadScorer(reward: RewardSpec, generator: LoadedGenerator, opts: Parameters<typeof loadRewardModel>[1]): Promise<LoadedScorer> {
    if (reward.kind === 'classifier') return blamingFolder(reward.source, () => loadRewardModel(this.options.toModelSource(reward.source), opts));
    // The generator is the DPO policy: shared, not loaded twice. Weights 1/(k+1) as in TreeBoN's partial reward.
    return blamingFolder(reward.reference, () => loadImplicitReward(generator, this.options.toModelSource(reward.reference), { ...opts, weighting: 'inverse-position' }));
  }

  private async unload(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = null;
    if (loaded) await Promise.allSettled([...loaded.scorers.map((s) => s.dispose()), loaded.generator.dispose()]);
  }
}

/** Compiles shaders and allocates buffers before the first run, so its timings are the method's own. */
async function warmUp(generator: LoadedGenerator, scorers: readonly LoadedScorer[]): Promise<number> {
  const started = now();
  const prompt = 'Hello';
  const batch = await generator.prefill([generator.encodePrompt(prompt)]);
  try {
    await batch.append([generator.info.stopTokenIds[0] ?? 0]);
  } finally {
    await batch.dispose();
  }
  for (const scorer of scorers) await scorer.score([{ prompt, response: 'Hi.' }]);
  return now() - started;
}

/**
 * A folder's files that the model layer cannot make sense of (damaged JSON, an ONNX file that does not
 * parse) come out as an unexplained failure, which the UI would call a bug; the user's own files are the
 * likelier cause, so the error says so.
 */
async function blamingFolder<T>(spec: ModelSourceSpec, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const data = toErrorData(error);
    if (spec.kind !== 'files' || data.code !== 'internal') throw error;
    const detail = data.message.replace(/^Loading ".*?" failed: /s, '');
    throw new EngineError({
      code: 'unsupported-model',
      message: `The files in the folder ${spec.name} could not be read as a model (${detail}).`,
      hint: 'They may be damaged or incomplete: pick a folder that holds a whole ONNX export, as downloaded from the hub (config.json, tokenizer.json, onnx/model.onnx).',
    }, { cause: error });
  }
}

/** A prompt with no room left for an answer is the prompt's problem, not the budget's or the answer length's. */
async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

function describe(spec: ModelSourceSpec): string {
  return spec.kind === 'files' ? `the folder ${spec.name}` : spec.id;
}

function describeReward(reward: RewardSpec): string {
  return reward.kind === 'classifier' ? `the reward model ${describe(reward.source)}` : `the reference model ${describe(reward.reference)}`;
}

export function deviceLostError(reason: string): EngineErrorData {
  return {
    code: 'device-lost',
    message: `The GPU device was lost (${reason}): the models on it are gone.`,
    hint: 'Likely out of memory: the engine restarts; load the models again, then use a smaller KV budget or WASM.',
  };
}

function now(): number {
  return performance.now();
}
