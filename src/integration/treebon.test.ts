// TreeBoN on the real tiny models (generated LLaMA, its perturbed DPO reference, the reward
// classifier) through src/models, on onnxruntime-node: shared cache rows against recomputation,
// equivalence with Best-of-N, the decoded-token account, and several scorers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Generator, Scorer } from '../core/backend.ts';
import { defaultRunConfig, type RunConfig } from '../core/config.ts';
import type { RunEvent, RunEventOf } from '../core/events.ts';
import { runAlignment } from '../core/runAlignment.ts';
import { treeBoNTokenAccount } from '../core/treeBoNTokens.ts';
import { loadGenerator, loadImplicitReward, loadRewardModel, type LoadedGenerator, type LoadedScorer } from '../models/index.ts';
import { ensureTinyModels } from '../testing/tiny-models.ts';
import { CheckingGenerator } from './checkingGenerator.ts';

let generator: LoadedGenerator;
let reward: LoadedScorer;
let implicit: LoadedScorer;

beforeAll(async () => {
  const folders = await ensureTinyModels();
  const options = { device: 'cpu', dtype: 'fp32' } as const;
  generator = await loadGenerator({ kind: 'path', path: folders.llama }, options);
  reward = await loadRewardModel({ kind: 'path', path: folders.classifier }, options);
  implicit = await loadImplicitReward(generator, { kind: 'path', path: folders.reference }, { ...options, weighting: 'inverse-position' });
});

afterAll(async () => {
  await implicit?.dispose();
  await reward?.dispose();
  await generator?.dispose();
});

const N = 8;
const LENGTH = 24;

/** `rows` full-length rows fit the KV budget: N for one shared tree, fewer for re-prefilled chunks. */
function config(rows: number, overrides: Partial<RunConfig> = {}, treebon: Partial<RunConfig['treebon']> = {}): RunConfig {
  const base = defaultRunConfig('the weather today');
  const promptTokens = generator.encodePrompt(base.prompt).length;
  return {
    ...base,
    methods: ['treebon'],
    n: N,
    maxNewTokens: LENGTH,
    kvBudgetBytes: rows * (promptTokens + (overrides.maxNewTokens ?? LENGTH)) * generator.info.kvBytesPerToken,
    treebon: { children: 2, layers: 4, ucb: null, ...treebon },
    ...overrides,
  };
}

async function run(cfg: RunConfig, scorers: readonly Scorer[] = [reward], gen: Generator = generator): Promise<RunEvent[]> {
  return runAlignment(cfg, { generator: gen, scorers, onEvent: () => {} });
}

const of = <T extends RunEvent['type']>(events: RunEvent[], method: RunEvent['method'], type: T) =>
  events.filter((e): e is RunEventOf<T> => e.method === method && e.type === type);
const texts = (events: RunEvent[], method: RunEvent['method']) => of(events, method, 'final')[0]!.candidates.map((c) => ({ text: c.text, scores: c.scores })).sort((a, b) => a.text.localeCompare(b.text));

describe('TreeBoN on real tiny models', () => {
  it('children share their parent\'s prefix tokens and cache rows: every row\'s logits equal a recomputation', async () => {
    for (const rows of [N, 3]) {
      const checking = new CheckingGenerator(generator);
      const events = await run(config(rows, { seed: 3 }), [reward], checking);
      const { stats } = checking;
      expect(stats.rowsChecked).toBeGreaterThan(N * LENGTH / 2);
      expect(stats.maxDifference).toBeLessThan(1e-4);
      // Shared rows: every layer after the first is branched by repeating its parents' rows, once per parent with several children.
      const spawnEvents = of(events, 'treebon', 'spawn').slice(1);
      const branchingParents = spawnEvents.map((s) => new Set(s.candidates.map((c) => c.parent)).size);
      if (rows === N) expect(stats.branchingSelects).toBe(spawnEvents.length);
      if (rows === N) expect(stats.repeatedRows).toBe(branchingParents.reduce((a, b) => a + b, 0));
      expect(spawnEvents).toHaveLength(3);

      // Token prefixes: each child's tokens start with its parent's tokens at the branching point.
      const decisions = of(events, 'treebon', 'decision');
      const spawns = of(events, 'treebon', 'spawn').flatMap((s) => s.candidates);
      const seen = new Map<number, string>();
      for (const d of decisions) for (const c of d.candidates) if (!seen.has(c.id)) seen.set(c.id, c.text);
      for (const c of of(events, 'treebon', 'final')[0]!.candidates) seen.set(c.id, c.text);
      let children = 0;
      for (const child of spawns.filter((s) => s.parent !== null)) {
        const parentText = decisions.flatMap((d) => d.candidates).find((c) => c.id === child.parent && c.kept)!.text;
        const parentIds = checking.idsOf(parentText)!;
        expect(parentIds).toHaveLength(child.prefixLength);
        expect(checking.idsOf(seen.get(child.id)!)!.slice(0, child.prefixLength)).toEqual(parentIds);
        children++;
      }
      expect(children).toBe(spawns.length - N);
      expect(children).toBeGreaterThan(2 * N);
    }
  });

  it('gives the same tree in shared rows and in re-prefilled chunks', async () => {
    const strip = (events: RunEvent[]) => JSON.stringify(events.filter((e) => e.type === 'spawn' || e.type === 'decision' || e.type === 'final').map(({ t: _t, ...rest }) => rest));
    const shared = await run(config(N));
    const chunked = await run(config(3));
    expect(of(chunked, 'treebon', 'run-start')[0]!.params['kvSharing']).toBe('re-prefill');
    expect(strip(chunked)).toBe(strip(shared));
  });

  it('with one layer, or one child per parent, selects exactly what Best-of-N selects on the same seed', async () => {
    for (const treebon of [{ layers: 1 }, { children: 1 }]) {
      const events = await run(config(N, { methods: ['bon', 'treebon'] }, treebon));
      const [bon, tree] = [of(events, 'bon', 'run-end')[0]!, of(events, 'treebon', 'run-end')[0]!];
      expect(texts(events, 'treebon')).toEqual(texts(events, 'bon'));
      expect(tree.winner!.text).toBe(bon.winner!.text);
      expect(tree.winner!.reward).toBe(bon.winner!.reward);
      expect(tree.totals.decodedTokens).toBe(bon.totals.decodedTokens);
    }
  });

  it('decodes N x max new tokens minus exactly what early stops leave unused', async () => {
    // A long response on a random model: some candidates hit the stop token before the end.
    const long = { maxNewTokens: 48 };
    for (const [rows, treebon] of [[N, {}], [3, {}], [N, { ucb: 1 }]] as const) {
      const events = await run(config(rows, { methods: ['bon', 'treebon'], ...long }, treebon));
      const account = treeBoNTokenAccount(events)!;
      const tree = of(events, 'treebon', 'run-end')[0]!.totals;
      expect(account.budget).toBe(N * 48);
      expect(tree.decodedTokens).toBe(account.decoded);
      expect(account.afterStops + account.emptySlots).toBe(N * 48 - tree.decodedTokens);
      // Best-of-N's side of the same relation: each response decodes up to its stop token.
      const bonFinal = of(events, 'bon', 'final')[0]!.candidates;
      const bonUnused = bonFinal.reduce((sum, c) => sum + 48 - c.length, 0);
      expect(of(events, 'bon', 'run-end')[0]!.totals.decodedTokens).toBe(N * 48 - bonUnused);
    }
  });

  it('runs on the weighted implicit reward, and on it with the classifier combined by MaxMin, carrying both raw scores', async () => {
    const alone = await run(config(N, { methods: ['treebon'] }), [implicit]);
    const aloneEnd = of(alone, 'treebon', 'run-end')[0]!;
    expect(aloneEnd.winner).not.toBeNull();
    expect(of(alone, 'treebon', 'run-start')[0]!.scorers).toEqual([implicit.id]);
    // The implicit reward is not constant: the policy and its perturbed reference disagree.
    expect(new Set(of(alone, 'treebon', 'decision')[0]!.candidates.map((c) => c.reward)).size).toBeGreaterThan(1);

    const combined = { rule: 'min', normalize: 'z', temperature: 0.5 } as const;
    const events = await run(config(N, { methods: ['bon', 'spr', 'treebon'], combine: combined }), [implicit, reward]);
    for (const method of ['bon', 'spr', 'treebon'] as const) {
      expect(of(events, method, 'run-start')[0]!.scorers).toEqual([implicit.id, reward.id]);
      const scored = [...of(events, method, 'decision').flatMap((d) => d.candidates), ...of(events, method, 'final')[0]!.candidates];
      expect(scored.length).toBeGreaterThan(0);
      for (const c of scored) {
        expect(c.scores).toHaveLength(2);
        for (const s of c.scores) expect(Number.isFinite(s)).toBe(true);
      }
      const end = of(events, method, 'run-end')[0]!;
      expect(end.winner?.scores).toHaveLength(2);
      expect(end.stopped).toBe(false);
    }
  });
});
