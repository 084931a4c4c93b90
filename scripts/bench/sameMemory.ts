// Same memory (the paper's comparison): a KV budget of 8 full-length rows. Best-of-N holds 8 rows at a
// time; Speculative Rejection starts as many as get an 8-token first round (capped at 1000). What
// compute does Best-of-N need to reach Speculative Rejection's reward? Best-of-N is run with as many
// candidates as Speculative Rejection started (the same streams, so the same answers), and Best-of-k
// read off its first k. Beside it, the ceiling with perfect pruning: an oracle that decodes the first
// round of every candidate and then only the best one, to its end.
import type { RunEventOf } from '../../src/core/events.ts';
import { rowsForFirstRound } from '../../src/core/memory.ts';
import { bestOfNCatchUp, rewardVersusCompute, type CurvePoint } from '../../src/core/rewardVsCompute.ts';
import { benchConfig, endOf, mean, run, sum, type Models } from './runs.ts';

interface Outcome {
  readonly started: number;
  readonly sprReward: number;
  readonly bestOf8: number;
  readonly sprDecoded: number;
  readonly sprAll: number;
  readonly sprWall: number;
  /** Best-of-k that reaches Speculative Rejection's reward (k = all started when none does: a lower bound). */
  readonly catchUp: CurvePoint;
  readonly caughtUp: boolean;
  readonly oracleDecoded: number;
  readonly oracleCatchUp: CurvePoint;
}

async function onePrompt(models: Models, prompt: string, maxNewTokens: number, alpha: number): Promise<Outcome> {
  const kv = models.generator.info.kvBytesPerToken;
  const promptTokens = models.generator.encodePrompt(prompt).length;
  const budget = 8 * (promptTokens + maxNewTokens);
  const started = Math.min(1000, rowsForFirstRound(promptTokens, budget, maxNewTokens));
  const sprLog = await run(models, benchConfig(prompt, ['spr'], 8, maxNewTokens, budget, kv, { alpha, initial: 'memory', maxInitial: 1000 }));
  const spr = endOf(sprLog, 'spr');
  const bonLog = await run(models, benchConfig(prompt, ['bon'], started, maxNewTokens, budget, kv));
  const curve = rewardVersusCompute(bonLog, [])!.bestOfN;
  const sprPoint = { reward: spr.winner!.reward, decodedTokens: spr.totals.decodedTokens, prefillTokens: spr.totals.prefillTokens, rewardTokens: spr.totals.rewardTokens, wallMs: spr.totals.wallMs, flops: null };
  const catchUp = bestOfNCatchUp(curve, sprPoint)!;
  // The oracle: every candidate decodes the first round, then only the best goes on to its end.
  const finals = bonLog.find((e): e is RunEventOf<'final'> => e.type === 'final')!.candidates;
  const firstRound = Math.floor(budget / started) - promptTokens;
  const best = curve.at(-1)!;
  const winner = finals.find((c) => c.reward === best.reward)!;
  const oracleDecoded = sum(finals.map((c) => Math.min(c.length, firstRound))) + Math.max(0, winner.length - firstRound);
  const oracleCatchUp = curve.find((p) => p.reward >= best.reward)!;
  return {
    started: sprLog.find((e): e is RunEventOf<'run-start'> => e.type === 'run-start')!.n,
    sprReward: spr.winner!.reward,
    bestOf8: curve[Math.min(8, curve.length) - 1]!.reward,
    sprDecoded: spr.totals.decodedTokens,
    sprAll: spr.totals.decodedTokens + spr.totals.rewardTokens,
    sprWall: spr.totals.wallMs,
    catchUp: curve[(catchUp.k ?? curve.length) - 1]!,
    caughtUp: catchUp.k !== null,
    oracleDecoded,
    oracleCatchUp,
  };
}

export async function sameMemoryRow(models: Models, label: string, prompts: readonly string[], maxNewTokens: number, alpha = 0.5): Promise<string> {
  const outcomes: Outcome[] = [];
  for (const prompt of prompts) outcomes.push(await onePrompt(models, prompt, maxNewTokens, alpha));
  const factor = (bon: (o: Outcome) => number, mine: (o: Outcome) => number) => sum(outcomes.map(bon)) / sum(outcomes.map(mine));
  const decoded = factor((o) => o.catchUp.decodedTokens, (o) => o.sprDecoded);
  const all = factor((o) => o.catchUp.decodedTokens + o.catchUp.rewardTokens, (o) => o.sprAll);
  const wall = factor((o) => o.catchUp.wallMs, (o) => o.sprWall);
  const ceiling = factor((o) => o.oracleCatchUp.decodedTokens, (o) => o.oracleDecoded);
  const lowerBound = outcomes.some((o) => !o.caughtUp) ? '≥ ' : '';
  const k = mean(outcomes.map((o) => o.catchUp.k));
  return `| ${label} | ${maxNewTokens} | ${mean(outcomes.map((o) => o.started)).toFixed(0)} | ${mean(outcomes.map((o) => o.bestOf8)).toFixed(3)} | ${mean(outcomes.map((o) => o.sprReward)).toFixed(3)} | ${k.toFixed(0)} | ${lowerBound}${decoded.toFixed(2)}x | ${lowerBound}${all.toFixed(2)}x | ${lowerBound}${wall.toFixed(2)}x | ${ceiling.toFixed(2)}x | ${((100 * decoded) / ceiling).toFixed(0)}% | ${outcomes.filter((o) => !o.caughtUp).length}/${outcomes.length} |`;
}

export const SAME_MEMORY_HEADER = [
  '| models | new tokens | SpR started | Best-of-8 reward | SpR reward | Best-of-k to match (mean k) | decoded tokens | + reward-model tokens | wall (≈) | perfect-pruning ceiling (decoded) | of the ceiling | prompts Best-of-N never matched |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
