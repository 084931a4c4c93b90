// The study's reward-versus-compute table and catch-up line, from the mean picture over its prompts.
import type { MethodId } from '../../src/core/events.ts';
import { bestOfNCatchUp, doublings, type CatchUp, type CostMetric } from '../../src/core/rewardVsCompute.ts';
import type { MeanRewardVsCompute } from '../../src/core/rewardVsComputeMean.ts';

const NAMES: Record<MethodId, string> = { bon: 'Best-of-N', spr: 'Speculative Rejection', treebon: 'TreeBoN' };

const HEADER = '| point | best reward | improvement | tokens decoded | + reward-model tokens | GFLOPs | wall s |';
const RULE = '|---|---:|---:|---:|---:|---:|---:|';

interface Row {
  readonly reward: number;
  readonly improvement: number | null;
  readonly decodedTokens: number;
  readonly rewardTokens: number;
  readonly flops: number | null;
  readonly wallMs: number;
}

function row(name: string, p: Row, estimatedWall: boolean): string {
  const improvement = p.improvement === null ? '-' : p.improvement.toFixed(1);
  const flops = p.flops === null ? '-' : (p.flops / 1e9).toPrecision(3);
  const wall = `${estimatedWall ? '≈ ' : ''}${(p.wallMs / 1000).toFixed(2)}`;
  return `| ${name} | ${p.reward.toFixed(3)} | ${improvement} | ${p.decodedTokens.toFixed(0)} | ${(p.decodedTokens + p.rewardTokens).toFixed(0)} | ${flops} | ${wall} |`;
}

/** "2.3x the decoded tokens, ..." for each measure that is known. */
export function describeRatios(ratios: CatchUp['ratios'], atLeast: boolean): string {
  const words: Record<CostMetric, string> = {
    decodedTokens: 'the decoded tokens',
    allTokens: 'decoded + reward-model tokens',
    flops: 'the FLOPs',
    wallMs: 'the wall time (estimated)',
  };
  const parts = (Object.keys(words) as CostMetric[]).flatMap((m) => {
    const r = ratios[m];
    return r === null ? [] : [`${atLeast ? '≥ ' : ''}${r.toFixed(2)}x ${words[m]}`];
  });
  return parts.join(', ');
}

/** One line per method run: what Best-of-N needs to reach its mean reward. */
export function catchUpLines(mean: MeanRewardVsCompute): string[] {
  const n = mean.bestOfN.length;
  return mean.runs
    .filter((r) => r.method !== 'bon')
    .flatMap((r) => {
      const catchUp = bestOfNCatchUp(mean.bestOfN, r);
      if (catchUp === null) return [];
      const head = `${NAMES[r.method]} (mean reward ${r.reward.toFixed(3)})`;
      return catchUp.k === null
        ? [`${head}: Best-of-N never reaches it, even at N = ${n}, for ${describeRatios(catchUp.ratios, false)} ${NAMES[r.method]} spent.`]
        : [`${head}: Best-of-N reaches it at N = ${catchUp.k}, for ${describeRatios(catchUp.ratios, false)} ${NAMES[r.method]} spent.`];
    });
}

export function computeTable(mean: MeanRewardVsCompute, parameters: { generator: number | null; scorers: readonly (number | null)[] } | undefined): string {
  const n = mean.bestOfN.length;
  const lines = [`### Reward versus compute (means over ${mean.prompts} prompt(s), per prompt)`, '', HEADER, RULE];
  for (const k of doublings(n)) lines.push(row(`Best-of-${k}${k === n ? ' (run)' : ''}`, mean.bestOfN[k - 1]!, k !== n));
  for (const r of mean.replay) lines.push(row(`Speculative Rejection, α = ${r.alpha} (replay, same N)${r.exact ? '' : ' ≈'}`, r, true));
  for (const r of mean.runs.filter((run) => run.method !== 'bon')) {
    lines.push(row(`${NAMES[r.method]} (run, started ${r.n % 1 === 0 ? r.n : `${r.n.toFixed(1)} on average`})`, r, false));
  }
  lines.push('', ...catchUpLines(mean));
  const sizes = parameters && [`generator ${formatParameters(parameters.generator)}`, ...parameters.scorers.map((p, i) => `reward model${parameters.scorers.length > 1 ? ` ${i + 1}` : ''} ${formatParameters(p)}`)].join(', ');
  lines.push(
    '',
    `GFLOPs ≈ 2 x parameters x tokens, generator (decoded + prefill) and reward models added${sizes ? `; parameters estimated from the weight files: ${sizes}` : ''}.`,
    'Best-of-k below N and the replayed points: tokens exact (those candidates\' own), wall time ≈ at Best-of-N\'s measured rates.',
  );
  return lines.join('\n');
}

function formatParameters(p: number | null): string {
  if (p === null) return 'unknown';
  return p >= 1e9 ? `${(p / 1e9).toFixed(2)}B` : p >= 1e6 ? `${(p / 1e6).toFixed(1)}M` : `${(p / 1e3).toFixed(0)}K`;
}
