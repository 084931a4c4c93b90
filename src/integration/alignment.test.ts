// The engine's methods on real models: the tiny generated LLaMA and reward classifier, loaded
// through src/models (transformers.js over onnxruntime-node), exactly as the study command does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRunConfig, type RunConfig } from '../core/config.ts';
import type { RunEvent, RunEventOf } from '../core/events.ts';
import { runAlignment } from '../core/runAlignment.ts';
import { roundHalfEven } from '../core/stats.ts';
import { loadGenerator, loadRewardModel, type LoadedGenerator, type LoadedScorer } from '../models/index.ts';
import { ensureTinyModels } from '../testing/tiny-models.ts';

let generator: LoadedGenerator;
let reward: LoadedScorer;

beforeAll(async () => {
  const folders = await ensureTinyModels();
  const options = { device: 'cpu', dtype: 'fp32' } as const;
  generator = await loadGenerator({ kind: 'path', path: folders.llama }, options);
  reward = await loadRewardModel({ kind: 'path', path: folders.classifier }, options);
});

afterAll(async () => {
  await reward?.dispose();
  await generator?.dispose();
});

function config(overrides: Partial<RunConfig>): RunConfig {
  const base = defaultRunConfig('the weather today');
  const promptTokens = generator.encodePrompt(base.prompt).length;
  // Room for 16 rows of a quarter of the response: Best-of-N needs sequential batches, Speculative Rejection must prune.
  const kvBudgetBytes = 16 * (promptTokens + 8) * generator.info.kvBytesPerToken;
  return { ...base, methods: ['bon', 'spr'], n: 16, maxNewTokens: 32, kvBudgetBytes, ...overrides };
}

async function run(cfg: RunConfig, signal?: AbortSignal): Promise<RunEvent[]> {
  return runAlignment(cfg, { generator, scorers: [reward], onEvent: () => {}, ...(signal && { signal }) });
}

const ends = (events: RunEvent[]) => events.filter((e): e is RunEventOf<'run-end'> => e.type === 'run-end');
const withoutTime = (events: RunEvent[]) =>
  events.map((e) => {
    const { t: _t, ...rest } = e;
    return e.type === 'step' || e.type === 'run-end' ? { ...rest, totals: { ...e.totals, wallMs: 0, generateMs: 0, scoreMs: 0, pruneMs: 0 } } : rest;
  });

describe('alignment methods on real tiny models', () => {
  it('Speculative Rejection with alpha = 0 returns what Best-of-N returns', async () => {
    const cfg = config({ spr: { ...defaultRunConfig('').spr, alpha: 0 } });
    const [bon, spr] = ends(await run(cfg));
    expect(bon?.winner).not.toBeNull();
    expect(spr?.winner?.id).toBe(bon?.winner?.id);
    expect(spr?.winner?.text).toBe(bon?.winner?.text);
    expect(spr?.winner?.reward).toBeCloseTo(bon!.winner!.reward, 5);
  });

  it('prunes by round_half_even((1 - alpha) n) at memory-driven decision points and decodes fewer tokens', async () => {
    const events = await run(config({}));
    const decisions = events.filter((e): e is RunEventOf<'decision'> => e.type === 'decision' && e.method === 'spr');
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) {
      const kept = d.candidates.filter((c) => c.kept).length;
      expect(kept).toBe(Math.max(1, roundHalfEven(0.5 * d.candidates.length)));
      // Survivors are the best of the pool.
      const worstKept = Math.min(...d.candidates.filter((c) => c.kept).map((c) => c.reward));
      const bestRejected = Math.max(...d.candidates.filter((c) => !c.kept).map((c) => c.reward));
      expect(worstKept).toBeGreaterThanOrEqual(bestRejected);
    }
    const [bon, spr] = ends(events);
    expect(spr!.totals.decodedTokens).toBeLessThan(bon!.totals.decodedTokens);
    expect(spr!.totals.peakKvBytes).toBeLessThanOrEqual(config({}).kvBudgetBytes);
    expect(bon!.totals.peakKvBytes).toBeLessThanOrEqual(config({}).kvBudgetBytes);
  });

  it('gives the same event log for the same seed, and another for another seed', async () => {
    const first = withoutTime(await run(config({})));
    expect(withoutTime(await run(config({})))).toEqual(first);
    expect(withoutTime(await run(config({ seed: 2 })))).not.toEqual(first);
  });

  it('stops within one decode step of an abort and reports the best so far', async () => {
    const controller = new AbortController();
    let steps = 0;
    let stepsAfterAbort = 0;
    const events = await runAlignment(config({ methods: ['spr'] }), {
      generator,
      scorers: [reward],
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type !== 'step') return;
        steps += 1;
        if (controller.signal.aborted) stepsAfterAbort += 1;
        if (e.type === 'step' && e.step === 12) controller.abort();
      },
    });
    const [end] = ends(events);
    expect(end?.stopped).toBe(true);
    expect(stepsAfterAbort).toBeLessThanOrEqual(1);
    expect(steps).toBeLessThan(32);
  });
});
