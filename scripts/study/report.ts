// Markdown tables for the study command: one per prompt, then totals and ratios against Best-of-N.
import type { MethodId, RunTotals } from '../../src/core/events.ts';
import { improvement, methodTotals, winRate, type MethodResult, type PromptResult } from '../../src/promptset/setTotals.ts';

export { improvement, sumTotals, winRate, type MethodResult, type PromptResult } from '../../src/promptset/setTotals.ts';

const NAMES: Record<MethodId, string> = { bon: 'Best-of-N', spr: 'Speculative Rejection', treebon: 'TreeBoN' };

const HEADER = '| method | best reward | tokens decoded | prefill tokens | reward-model tokens | wall s | peak KV MB |';
const RULE = '|---|---:|---:|---:|---:|---:|---:|';

export function promptTable(result: PromptResult, index: number): string {
  const title = result.prompt.replace(/\s+/g, ' ').trim();
  const rows = result.methods.map((m) => row(NAMES[m.method], m.bestReward, m.totals));
  const raw = result.methods.filter((m) => (m.winnerScores?.length ?? 0) > 1);
  const rawLines = raw.length === 0 ? [] : ['', `Winners' raw scores per scorer: ${raw.map((m) => `${NAMES[m.method]} ${m.winnerScores!.map((x) => x.toFixed(3)).join(' / ')}`).join('; ')} (best reward: combined over all methods' complete responses)`];
  return [`### Prompt ${index + 1}: ${truncate(title, 100)}`, '', HEADER, RULE, ...rows, ...ratioRows(result.methods), ...rawLines, ''].join('\n');
}

/** `decodeBudget`: N x max new tokens, what Best-of-N decodes per prompt when nothing stops early. */
export function totalsTable(results: readonly PromptResult[], decodeBudget?: number): string {
  const summed = methodTotals(results).map((m) => ({ ...m, winnerText: '' }));
  const methods = summed.map((m) => m.method);
  const lines = [`### Totals over ${results.length} prompt(s) (best reward: mean)`, '', HEADER, RULE];
  lines.push(...summed.map((m) => row(NAMES[m.method], m.bestReward, m.totals)), ...ratioRows(summed), '');
  if (decodeBudget !== undefined) lines.push(budgetLine(summed, decodeBudget * results.length), '');
  for (const method of methods.filter((m) => m !== 'bon')) {
    const rate = winRate(results, method);
    if (rate !== null) lines.push(`${NAMES[method]} win rate against Best-of-N under the reward: ${(100 * rate).toFixed(1)}% (ties count half)`);
  }
  const scores = methods.filter((m) => m !== 'bon').flatMap((m) => {
    const s = improvement(results, m);
    return s === null ? [] : [`${NAMES[m]} ${s.score.toFixed(1)}`];
  });
  if (scores.length > 0) {
    const counted = improvement(results, methods.find((m) => m !== 'bon')!);
    const skipped = counted && counted.skipped > 0 ? `; ${counted.skipped} prompt(s) left out, every Best-of-N answer scoring the same` : '';
    lines.push(`Improvement score (the reference's plot_compare.py; Best-of-N = 100, its worst answer = 0): ${scores.join(', ')} (over ${counted?.prompts ?? 0} prompt(s)${skipped})`);
  }
  return lines.join('\n');
}

/** Decoded tokens against the shared budget: TreeBoN spends Best-of-N's, less only what early stops leave unused. */
export function budgetLine(methods: readonly MethodResult[], budget: number): string {
  const parts = methods.map((m) => `${NAMES[m.method]} ${m.totals.decodedTokens} (${((100 * m.totals.decodedTokens) / budget).toFixed(1)}%)`);
  return `Decode budget N x max new tokens: ${budget} tokens in all; decoded: ${parts.join(', ')}. Best-of-N and TreeBoN leave unused only what early stops do.`;
}

function ratioRows(methods: readonly MethodResult[]): string[] {
  const bon = methods.find((m) => m.method === 'bon');
  if (!bon) return [];
  return methods
    .filter((m) => m.method !== 'bon')
    .map((m) => {
      const r = (a: number, b: number) => (b === 0 ? '-' : `${(a / b).toFixed(2)}x`);
      const reward = m.bestReward !== null && bon.bestReward !== null ? (m.bestReward - bon.bestReward).toFixed(3) : '-';
      const { totals: t } = m;
      const b = bon.totals;
      return `| ${NAMES[m.method]} / Best-of-N | Δ ${reward} | ${r(t.decodedTokens, b.decodedTokens)} | ${r(t.prefillTokens, b.prefillTokens)} | ${r(t.rewardTokens, b.rewardTokens)} | ${r(t.wallMs, b.wallMs)} | ${r(t.peakKvBytes, b.peakKvBytes)} |`;
    });
}

function row(name: string, reward: number | null, t: RunTotals): string {
  const rewardText = reward === null ? '-' : reward.toFixed(3);
  return `| ${name} | ${rewardText} | ${t.decodedTokens} | ${t.prefillTokens} | ${t.rewardTokens} | ${(t.wallMs / 1000).toFixed(2)} | ${(t.peakKvBytes / 2 ** 20).toFixed(2)} |`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
