// TreeBoN on the FAKE backend (testing/fake-backend.ts): pure logic, no model.
import { describe, expect, it } from 'vitest';
import type { RunConfig } from './config.ts';
import type { RunEvent } from './events.ts';
import { runAlignment } from './runAlignment.ts';
import { treeBoNTokenAccount } from './treeBoNTokens.ts';
import { FakeGenerator, FakeScorer, type FakeGeneratorOptions } from './testing/fake-backend.ts';
import { eventsOf, fakeRunConfig, soloTrajectory, withoutTimes } from './testing/trajectory.ts';

function treeConfig(extra: Partial<RunConfig> & { budgetTokens?: number } = {}, treebon: Partial<RunConfig['treebon']> = {}): RunConfig {
  const base = fakeRunConfig({ n: 12, methods: ['treebon'], budgetTokens: 10_000, ...extra });
  return { ...base, treebon: { ...base.treebon, children: 3, layers: 4, ...treebon } };
}

async function run(config: RunConfig, options: FakeGeneratorOptions = {}): Promise<{ events: RunEvent[]; generator: FakeGenerator }> {
  const generator = new FakeGenerator(options);
  const events = await runAlignment(config, { generator, scorers: [new FakeScorer()], onEvent: () => {} });
  return { events, generator };
}

const noEarlyStops: FakeGeneratorOptions = { stopBias: -100, stopRise: 0 };

describe('TreeBoN', () => {
  it('keeps N candidates alive in every layer, branching the top N / children, and decodes what Best-of-N decodes', async () => {
    const { events } = await run({ ...treeConfig(), methods: ['treebon', 'bon'] }, noEarlyStops);
    const decisions = eventsOf(events, 'treebon', 'decision');
    expect(decisions.map((d) => d.length)).toEqual([8, 16, 24]);
    const spawns = eventsOf(events, 'treebon', 'spawn');
    expect(spawns.map((s) => s.candidates.length)).toEqual([12, 12, 12, 12]);
    decisions.forEach((d, i) => {
      expect(d.candidates).toHaveLength(12);
      const parents = d.candidates.filter((c) => c.kept);
      expect(parents).toHaveLength(4);
      // The parents are the best of the layer, and each spawns `children` continuations of its prefix.
      const worstParent = Math.min(...parents.map((c) => c.reward));
      for (const c of d.candidates.filter((c) => !c.kept)) expect(c.reward).toBeLessThanOrEqual(worstParent);
      const next = spawns[i + 1]!.candidates;
      for (const p of parents) expect(next.filter((c) => c.parent === p.id)).toHaveLength(3);
      for (const c of next) expect(c).toMatchObject({ batch: i + 1, prefixLength: d.length });
    });
    const tree = eventsOf(events, 'treebon', 'run-end')[0]!.totals;
    expect(tree.decodedTokens).toBe(12 * 32);
    expect(tree.decodedTokens).toBe(eventsOf(events, 'bon', 'run-end')[0]!.totals.decodedTokens);
  });

  it('continues each child from its parent\'s exact tokens: the first child on its parent\'s stream, the others on their own', async () => {
    const config = treeConfig();
    const { events, generator } = await run(config);
    const spawns = eventsOf(events, 'treebon', 'spawn').flatMap((s) => s.candidates);
    const parentOf = new Map(spawns.map((c) => [c.id, c] as const));
    const firstChild = new Set<number>();
    for (const c of spawns) if (c.parent !== null && !spawns.some((o) => o.parent === c.parent && o.id < c.id)) firstChild.add(c.id);
    // A candidate's whole trajectory as if it were never cut: a first child's is its parent's.
    const tokensOf = new Map<number, number[]>();
    const trajectory = (id: number): number[] => {
      const known = tokensOf.get(id);
      if (known) return known;
      const spawn = parentOf.get(id)!;
      let tokens: number[];
      if (spawn.parent !== null && firstChild.has(id)) tokens = trajectory(spawn.parent);
      else tokens = soloTrajectory(generator, config.prompt, config, id, spawn.parent === null ? [] : trajectory(spawn.parent).slice(0, spawn.prefixLength));
      tokensOf.set(id, tokens);
      return tokens;
    };
    const final = eventsOf(events, 'treebon', 'final')[0]!.candidates;
    expect(final.length).toBeGreaterThan(0);
    for (const c of final) expect(c.text).toBe(generator.decode(trajectory(c.id)));
    // Only the roots' prompt is prefilled: children share their parent's cache rows.
    expect(generator.stats.prefills).toBe(1);
  });

  it('gives the same tree when the budget forces re-prefilled chunks instead of shared rows', async () => {
    const shared = await run(treeConfig());
    // 120 tokens hold 3 full rows of 36: each layer runs in chunks of 3, prefilled from token ids.
    const chunked = await run(treeConfig({ budgetTokens: 120 }));
    expect(chunked.generator.stats.prefills).toBeGreaterThan(4);
    const strip = (events: RunEvent[]): unknown => withoutTimes(events.filter((e) => e.type === 'decision' || e.type === 'final' || e.type === 'spawn'));
    expect(strip(chunked.events)).toEqual(strip(shared.events));
    // Chunks end their rows in another order; the same rows end, at the same lengths.
    const finishes = (events: RunEvent[]): unknown => withoutTimes(eventsOf(events, 'treebon', 'finish').sort((a, b) => a.id - b.id));
    expect(finishes(chunked.events)).toEqual(finishes(shared.events));
    const totals = (events: RunEvent[]) => eventsOf(events, 'treebon', 'run-end')[0]!;
    expect(totals(chunked.events).winner).toEqual(totals(shared.events).winner);
    expect(totals(chunked.events).totals.decodedTokens).toBe(totals(shared.events).totals.decodedTokens);
    expect(totals(chunked.events).totals.prefillTokens).toBeGreaterThan(totals(shared.events).totals.prefillTokens);
    expect(totals(chunked.events).totals.peakKvBytes).toBeLessThanOrEqual(120 * 64);
  });

  it('with one layer is Best-of-N', async () => {
    const { events } = await run({ ...treeConfig({}, { layers: 1 }), methods: ['treebon', 'bon'] });
    expect(eventsOf(events, 'treebon', 'final')[0]!.candidates).toEqual(eventsOf(events, 'bon', 'final')[0]!.candidates);
    expect(eventsOf(events, 'treebon', 'run-end')[0]!.winner).toEqual(eventsOf(events, 'bon', 'run-end')[0]!.winner);
  });

  it('lets only complete responses win, finished parents included, and gives their slots to growing ones', async () => {
    const { events } = await run(treeConfig({}, { layers: 4 }), { stopBias: -1, stopRise: 0.1 });
    const final = eventsOf(events, 'treebon', 'final')[0]!.candidates;
    expect(final.every((c) => c.finished)).toBe(true);
    const end = eventsOf(events, 'treebon', 'run-end')[0]!;
    expect(final.map((c) => c.id)).toContain(end.winner!.id);
    expect(end.winner!.reward).toBe(Math.max(...final.map((c) => c.reward)));
    const decisions = eventsOf(events, 'treebon', 'decision');
    expect(decisions.some((d) => d.candidates.some((c) => c.kept && c.finished))).toBe(true);
    for (const [i, d] of decisions.entries()) {
      const finishedParents = d.candidates.filter((c) => c.kept && c.finished).length;
      const spawned = eventsOf(events, 'treebon', 'spawn')[i + 1]?.candidates.length ?? 0;
      expect(spawned).toBe(finishedParents === 4 ? 0 : 12 - finishedParents);
    }
  });

  it('decodes N x l_max minus exactly what early stops leave unused, in shared rows and in chunks, even or by UCB', async () => {
    const early = { stopBias: -1, stopRise: 0.1 };
    for (const budgetTokens of [10_000, 120]) {
      for (const treebon of [{}, { ucb: 0.5 }, { ucb: 0, ucbFloor: 0 }]) {
        const { events } = await run(treeConfig({ budgetTokens }, treebon), early);
        const account = treeBoNTokenAccount(events)!;
        expect(account.budget).toBe(12 * 32);
        expect(account.afterStops).toBeGreaterThan(0);
        expect(eventsOf(events, 'treebon', 'run-end')[0]!.totals.decodedTokens).toBe(account.decoded);
        // N slots per layer: the next layer's candidates plus the finished responses kept as parents.
        const spawns = eventsOf(events, 'treebon', 'spawn');
        eventsOf(events, 'treebon', 'decision').forEach((d, i) => {
          const keptFinished = d.candidates.filter((c) => c.kept && c.finished).length;
          const spawned = spawns[i + 1]?.candidates.length ?? 0;
          if (spawned > 0) expect(spawned + keptFinished).toBe(12);
        });
        expect(account.layerSizes[0]).toBe(12);
      }
    }
  });

  it('shares N slots among floor(N / children) parents when N is not a multiple', async () => {
    const { events } = await run(treeConfig({ n: 10 }, { children: 4, layers: 2 }), noEarlyStops);
    const decision = eventsOf(events, 'treebon', 'decision')[0]!;
    const parents = decision.candidates.filter((c) => c.kept).map((c) => c.id);
    expect(parents).toHaveLength(2);
    const children = eventsOf(events, 'treebon', 'spawn')[1]!.candidates;
    expect(parents.map((p) => children.filter((c) => c.parent === p).length)).toEqual([5, 5]);
  });

  it('splits children by UCB when asked: c = 0 and no floor gives every slot to the best mean path reward', async () => {
    const { events } = await run(treeConfig({}, { ucb: 0, ucbFloor: 0 }), noEarlyStops);
    const spawns = eventsOf(events, 'treebon', 'spawn');
    for (const s of spawns.slice(1)) expect(new Set(s.candidates.map((c) => c.parent)).size).toBe(1);
  });

  it('gives every surviving parent at least the UCB floor (1 by default), and the layer\'s slots sum to N', async () => {
    for (const [ucbFloor, expected] of [[undefined, [9, 1, 1, 1]], [2, [6, 2, 2, 2]]] as const) {
      const { events } = await run(treeConfig({}, { ucb: 0, ...(ucbFloor !== undefined && { ucbFloor }) }), noEarlyStops);
      const decisions = eventsOf(events, 'treebon', 'decision');
      eventsOf(events, 'treebon', 'spawn').slice(1).forEach((s, i) => {
        // Parents in rank order; c = 0 sends every slot above the floor to the best mean path reward.
        const parents = decisions[i]!.candidates.filter((c) => c.kept);
        const counts = parents.map((p) => s.candidates.filter((c) => c.parent === p.id).length);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
        expect([...counts].sort((a, b) => b - a)).toEqual(expected);
      });
    }
  });

  it('with one child per parent selects exactly what Best-of-N selects (the first child continues its parent\'s stream)', async () => {
    for (const options of [noEarlyStops, { stopBias: -1, stopRise: 0.1 }]) {
      const { events } = await run({ ...treeConfig({}, { children: 1 }), methods: ['treebon', 'bon'] }, options);
      // Children carry new ids: compare everything else.
      const strip = <T extends { id: number }>(c: T): T => ({ ...c, id: 0 });
      const byText = <T extends { text: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.text.localeCompare(b.text));
      const tree = eventsOf(events, 'treebon', 'final')[0]!.candidates;
      const bon = eventsOf(events, 'bon', 'final')[0]!.candidates;
      expect(tree).toHaveLength(12);
      expect(byText(tree).map(strip)).toEqual(byText(bon).map(strip));
      const [treeEnd, bonEnd] = [eventsOf(events, 'treebon', 'run-end')[0]!, eventsOf(events, 'bon', 'run-end')[0]!];
      expect(strip(treeEnd.winner!)).toEqual(strip(bonEnd.winner!));
      expect(treeEnd.totals.decodedTokens).toBe(bonEnd.totals.decodedTokens);
    }
  });
});
