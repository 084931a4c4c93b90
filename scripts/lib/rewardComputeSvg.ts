// The paper's figure as a standalone SVG: mean best reward against compute (log scale) over a prompt
// set. Best-of-N as a curve over N = 1, 2, 4, ..., Speculative Rejection as a point per alpha (the
// same-N replay) and as run, TreeBoN as run.
import { costOf, doublings, type CostMetric, type CostPoint } from '../../src/core/rewardVsCompute.ts';
import type { MeanRewardVsCompute } from '../../src/core/rewardVsComputeMean.ts';

const COLORS = { bon: '#1d4ed8', spr: '#c2410c', treebon: '#15803d' } as const;
const AXIS: Record<CostMetric, string> = {
  flops: 'compute per prompt: estimated FLOPs (2 x parameters x tokens), log scale',
  allTokens: 'compute per prompt: decoded + reward-model tokens, log scale',
  decodedTokens: 'compute per prompt: tokens decoded, log scale',
  wallMs: 'compute per prompt: wall time (ms), log scale',
};

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** FLOPs when every point has them, else decoded + reward-model tokens. */
export function figureMetric(mean: MeanRewardVsCompute): CostMetric {
  const all: CostPoint[] = [...mean.bestOfN, ...mean.replay, ...mean.runs];
  return all.every((p) => p.flops !== null && p.flops > 0) ? 'flops' : 'allTokens';
}

export function rewardComputeSvg(mean: MeanRewardVsCompute, title: string, metric: CostMetric = figureMetric(mean)): string {
  const W = 720, H = 470, L = 70, R = 24, T = 44, B = 106;
  const x = (p: CostPoint) => Math.max(1e-9, costOf(p, metric) ?? 0);
  const curve = doublings(mean.bestOfN.length).map((k) => mean.bestOfN[k - 1]!);
  const points: CostPoint[] = [...curve, ...mean.replay, ...mean.runs];
  const lx = points.map((p) => Math.log10(x(p)));
  const [x0, x1] = [Math.floor(Math.min(...lx) * 4) / 4 - 0.1, Math.ceil(Math.max(...lx) * 4) / 4 + 0.1];
  const ys = points.map((p) => p.reward);
  const pad = (Math.max(...ys) - Math.min(...ys)) * 0.1 || 0.1;
  const [y0, y1] = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const px = (p: CostPoint) => L + ((Math.log10(x(p)) - x0) / (x1 - x0)) * (W - L - R);
  const py = (y: number) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
  const f = (v: number) => v.toFixed(1);

  const bonLine = `<polyline points="${curve.map((p) => `${f(px(p))},${f(py(p.reward))}`).join(' ')}" fill="none" stroke="${COLORS.bon}" stroke-width="2"/>`;
  const bonDots = curve.map((p) => `<circle cx="${f(px(p))}" cy="${f(py(p.reward))}" r="3.5" fill="${COLORS.bon}"/><text x="${f(px(p) + 5)}" y="${f(py(p.reward) + 14)}" font-size="10" fill="${COLORS.bon}">N=${p.k}</text>`).join('');
  // Only the ends and the middle of the alpha sweep are labelled: the points sit close together.
  const labelled = new Set([0, 0.5, 0.9]);
  const replay = mean.replay.map((p) => `<circle cx="${f(px(p))}" cy="${f(py(p.reward))}" r="4" fill="none" stroke="${COLORS.spr}" stroke-width="1.5"/>${labelled.has(p.alpha) ? `<text x="${f(px(p) - 4)}" y="${f(py(p.reward) + 15)}" font-size="10" text-anchor="middle" fill="${COLORS.spr}">α=${p.alpha}</text>` : ''}`).join('');
  const runs = mean.runs.filter((r) => r.method !== 'bon').map((r) =>
    `<rect x="${f(px(r) - 5)}" y="${f(py(r.reward) - 5)}" width="10" height="10" fill="${COLORS[r.method]}" transform="rotate(45 ${f(px(r))} ${f(py(r.reward))})"/>`,
  ).join('');
  const sprRun = mean.runs.find((r) => r.method === 'spr');
  const decades = [];
  for (let d = Math.ceil(x0); d <= Math.floor(x1); d++) decades.push(d);
  const xTicks = decades.map((d) => {
    const X = L + ((d - x0) / (x1 - x0)) * (W - L - R);
    return `<line x1="${f(X)}" x2="${f(X)}" y1="${T}" y2="${H - B}" stroke="#eef0f3"/><text x="${f(X)}" y="${H - B + 16}" font-size="11" text-anchor="middle">1e${d}</text>`;
  }).join('');
  const yTicks = Array.from({ length: 5 }, (_, i) => y0 + ((y1 - y0) * i) / 4)
    .map((y) => `<line x1="${L}" x2="${W - R}" y1="${f(py(y))}" y2="${f(py(y))}" stroke="#e5e7eb"/><text x="${L - 6}" y="${f(py(y) + 4)}" font-size="11" text-anchor="end">${(Math.round(y * 100) / 100 || 0).toFixed(2)}</text>`)
    .join('');
  const legend = [
    [COLORS.bon, 'Best-of-N, N = 1, 2, 4, … (best of its first N answers)'],
    [COLORS.spr, `Speculative Rejection: ○ each α replayed on the same N, ◆ the run${sprRun ? ` (${Math.round(sprRun.n)} started)` : ''}`],
    [COLORS.treebon, 'TreeBoN ◆ the run'],
  ].map(([color, text], i) => `<rect x="${L + 10}" y="${H - 56 + i * 16}" width="10" height="10" fill="${color}"/><text x="${L + 26}" y="${H - 47 + i * 16}" font-size="11">${escape(text!)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${W / 2}" y="22" font-size="13" text-anchor="middle"${title.length * 6.6 > W - 20 ? ` textLength="${W - 20}" lengthAdjust="spacingAndGlyphs"` : ''}>${escape(title)}</text>
${yTicks}${xTicks}
<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#555"/>
<text x="${(L + W - R) / 2}" y="${H - B + 36}" font-size="12" text-anchor="middle">${escape(AXIS[metric])}</text>
<text x="18" y="${(T + H - B) / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 18 ${(T + H - B) / 2})">best reward (mean over ${mean.prompts} prompt${mean.prompts === 1 ? '' : 's'})</text>
${bonLine}${bonDots}${replay}${runs}${legend}
</svg>
`;
}
