// TreeBoN (arXiv 2410.16033): l_max split into layers. Layer 1 decodes N roots; at the end of each
// layer every candidate's prefix is scored, the top N / children become parents, and each parent
// spawns `children` continuations (or a UCB-guided share). Every layer has N slots: a response that
// has ended keeps a slot while it ranks among the parents (only complete responses can win), and
// every other slot decodes. So TreeBoN decodes Best-of-N's N x l_max tokens minus exactly what early
// stops leave unused: the rest of a layer after a stop token, and the layers a finished parent sits out.
// When N full-length rows fit the KV budget the whole tree lives in one batch and children copy
// their parent's cache row; otherwise each layer runs in sequential chunks re-prefilled from token ids.
import { newCandidate, spawnOf, type Candidate } from './candidate.ts';
import { EngineError } from './errors.ts';
import { LockstepDecoder } from './lockstepDecoder.ts';
import { rowsThatFit } from './memory.ts';
import type { MethodContext } from './methodContext.ts';
import { combinePool } from './scorePool.ts';
import { compareByReward } from './selection.ts';
import { allocateChildren, layerEnds } from './treeBranching.ts';

export async function runTreeBoN(ctx: MethodContext): Promise<void> {
  const { config, promptIds } = ctx;
  const { children, layers, ucb } = config.treebon;
  const ucbFloor = config.treebon.ucbFloor ?? 1;
  const n = config.n;
  const capacity = Math.min(n, rowsThatFit(ctx.budgetTokens, promptIds.length + config.maxNewTokens));
  if (capacity < 1) {
    throw new EngineError({ code: 'invalid-config', field: 'kvBudgetBytes', message: 'The KV budget cannot hold one full-length response.' });
  }
  const resident = capacity >= n;
  const ends = layerEnds(config.maxNewTokens, layers);
  ctx.start({
    n,
    capacityRows: capacity,
    params: {
      children,
      layers,
      ucb: ucb ?? 'even',
      ...(ucb !== null && { ucbFloor }),
      layerEnds: ends,
      kvSharing: resident ? 'shared rows' : 're-prefill',
      // What Best-of-N decodes at the same N and length; TreeBoN decodes this minus what early stops leave unused.
      decodeBudget: n * config.maxNewTokens,
    },
  });

  let layer = Array.from({ length: n }, (_, id) => newCandidate(config.seed, id, 0));
  const all = [...layer];
  const pathRewards = new Map<number, number[]>();
  // Complete responses ranked among the parents: each holds one of the N slots until outranked.
  let finishedKept: Candidate[] = [];
  ctx.emit({ type: 'spawn', candidates: layer.map(spawnOf) });
  const tree = resident ? await LockstepDecoder.prefill(ctx, layer) : null;
  try {
    for (let depth = 1; ; depth++) {
      const end = ends[depth - 1]!;
      await (tree ? tree.decodeUntil(end) : decodeInChunks(ctx, layer, end, capacity));
      if (depth === layers) break;

      await ctx.scoreCandidates(layer);
      // The pool always holds N: this layer's candidates and the complete responses holding slots.
      const pool = [...layer, ...finishedKept];
      const rewards = combinePool(pool.map((c) => ctx.scoreboard.latest(c.id)!.scores), config.combine);
      layer.forEach((c, i) => pathRewards.set(c.id, [...(pathRewards.get(c.parent ?? -1) ?? []), rewards[i]!]));
      const parents = pool.map((c, i) => ({ c, id: c.id, reward: rewards[i]! })).sort(compareByReward).slice(0, Math.max(1, Math.floor(n / children)));
      const growing = parents.filter((p) => p.c.finished === null);
      finishedKept = parents.filter((p) => p.c.finished !== null).map((p) => p.c);
      const mean = (id: number): number => average(pathRewards.get(id)!);
      const shares = allocateChildren(growing.map((p) => ({ id: p.id, meanReward: mean(p.id) })), n - finishedKept.length, ucb, ucbFloor);
      const parentIds = new Set(parents.map((p) => p.id));
      ctx.emit({
        type: 'decision',
        round: depth,
        length: end,
        candidates: pool.map((c, i) => {
          const s = ctx.scoreboard.latest(c.id)!;
          return { id: c.id, reward: rewards[i]!, scores: s.scores, length: s.length, finished: s.finished, text: s.text, kept: parentIds.has(c.id) };
        }),
      });
      const next: Candidate[] = [];
      growing.forEach((p, i) => {
        for (let k = 0; k < shares[i]!; k++) next.push(childOf(p.c, k, config.seed, all.length + next.length, depth));
      });
      if (next.length === 0) break;
      all.push(...next);
      ctx.emit({ type: 'spawn', candidates: next.map(spawnOf) });
      if (tree) await tree.branch(next);
      layer = next;
    }
  } finally {
    await tree?.dispose();
  }

  const complete = all.filter((c) => c.finished !== null);
  await ctx.scoreCandidates(complete.filter((c) => ctx.scoreboard.latest(c.id)?.length !== c.tokens.length));
  // Parents were scored on prefixes they never completed: only complete responses can win.
  ctx.emitFinal(complete);
  ctx.end(false);
}

/**
 * The first child continues its parent's own random stream, so it samples exactly what the parent
 * would have sampled next; its siblings draw fresh streams of their own. With one child per parent
 * the tree is therefore Best-of-N token for token (the parent stops sampling once it branches).
 */
function childOf(parent: Candidate, k: number, seed: number, id: number, depth: number): Candidate {
  const child = newCandidate(seed, id, depth, parent);
  return k === 0 ? { ...child, rng: parent.rng } : child;
}

/** Decodes a layer's candidates to `end` in sequential chunks of `capacity` rows, each prefilled from its token ids. */
async function decodeInChunks(ctx: MethodContext, layer: readonly Candidate[], end: number, capacity: number): Promise<void> {
  const growing = layer.filter((c) => c.finished === null);
  for (let start = 0; start < growing.length; start += capacity) {
    const decoder = await LockstepDecoder.prefill(ctx, growing.slice(start, start + capacity));
    try {
      await decoder.decodeUntil(end);
    } finally {
      await decoder.dispose();
    }
  }
}

function average(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
