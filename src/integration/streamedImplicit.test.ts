// The implicit DPO reward streamed while decoding, on the real tiny models (generated LLaMA and its
// perturbed reference, onnxruntime-node): every partial and final score equals scoring the text from
// scratch with both models, for all three methods, and the reference reads each token once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorer } from '../core/backend.ts';
import { defaultRunConfig, type RunConfig } from '../core/config.ts';
import type { MethodId, RunEvent, RunEventOf } from '../core/events.ts';
import { runAlignment } from '../core/runAlignment.ts';
import { checkRunEvents } from '../core/runFile.ts';
import { loadGenerator, loadImplicitReward, type LoadedGenerator, type LoadedScorer } from '../models/index.ts';
import { ensureTinyModels } from '../testing/tiny-models.ts';

let generator: LoadedGenerator;
let implicit: LoadedScorer;

beforeAll(async () => {
  const folders = await ensureTinyModels();
  const options = { device: 'cpu', dtype: 'fp32' } as const;
  generator = await loadGenerator({ kind: 'path', path: folders.llama }, options);
  implicit = await loadImplicitReward(generator, { kind: 'path', path: folders.reference }, { ...options, weighting: 'inverse-position' });
});

afterAll(async () => {
  await implicit?.dispose();
  await generator?.dispose();
});

/** The same scorer with the streamed path taken away: it scores every text with both models, from scratch. */
const fromScratch = (): Scorer => ({ id: implicit.id, label: implicit.label, score: (requests, signal) => implicit.score(requests, signal) });

function config(method: MethodId, rows: number): RunConfig {
  const base = defaultRunConfig('the weather today');
  const promptTokens = generator.encodePrompt(base.prompt).length;
  return { ...base, methods: [method], n: 8, maxNewTokens: 24, seed: 5, kvBudgetBytes: rows * (promptTokens + 24) * generator.info.kvBytesPerToken, treebon: { children: 2, layers: 3, ucb: null } };
}

const run = (cfg: RunConfig, scorer: Scorer) => runAlignment(cfg, { generator, scorers: [scorer], onEvent: () => {} });

function scored(events: readonly RunEvent[]): [number, number, number][] {
  return events.flatMap((e) => (e.type === 'decision' || e.type === 'final' ? e.candidates.map((c): [number, number, number] => [c.id, c.length, c.reward]) : []));
}

describe('the streamed implicit reward on real models', () => {
  it('is streamed when the generator is the policy', () => {
    expect(implicit.streamed).toBeDefined();
  });

  for (const [method, rows] of [['bon', 3], ['spr', 3], ['treebon', 8], ['treebon', 3]] as [MethodId, number][]) {
    it(`equals scoring from scratch: ${method}, a budget of ${rows} full rows`, async () => {
      const streamed = await run(config(method, rows), implicit);
      const scratch = await run(config(method, rows), fromScratch());
      const a = scored(streamed);
      const b = scored(scratch);
      expect(a.length).toBeGreaterThanOrEqual(6);
      expect(a.map(([id, length]) => [id, length])).toEqual(b.map(([id, length]) => [id, length]));
      a.forEach(([, , reward], i) => expect(Math.abs(reward - b[i]![2])).toBeLessThan(1e-4));
      const end = (events: RunEvent[]) => events.find((e): e is RunEventOf<'run-end'> => e.type === 'run-end')!;
      expect(end(streamed).winner?.id).toBe(end(scratch).winner?.id);
      // The reference reads each token once instead of every prefix again: fewer reward-model tokens.
      expect(end(streamed).totals.rewardTokens).toBeLessThan(end(scratch).totals.rewardTokens);
      // Real-model logs agree with themselves as a run file must (runLogChecks.ts).
      for (const events of [streamed, scratch]) expect(checkRunEvents(JSON.parse(JSON.stringify(events)) as unknown[])).toMatchObject({ ok: true });
      if (method === 'spr') {
        const start = streamed.find((e): e is RunEventOf<'run-start'> => e.type === 'run-start')!;
        expect(end(streamed).totals.rewardTokens).toBe(start.promptTokens + end(streamed).totals.decodedTokens - start.n);
      }
    });
  }
});
