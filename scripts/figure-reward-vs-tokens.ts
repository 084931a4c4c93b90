// The README figure: best reward reached against tokens decoded, Best-of-N vs Speculative
// Rejection, on the built-in models, for N = 4..64. Writes docs/reward-vs-tokens.svg and prints the table.
// Usage: npx tsx scripts/figure-reward-vs-tokens.ts
import { writeFile } from 'node:fs/promises';
import { compareMethods } from './lib/compareMethods.ts';
import { loadProjectModels } from './lib/studyModels.ts';

const NS = [4, 8, 16, 32, 64];
const PROMPTS = ['the weather today', 'my friend said that', 'after the meeting we', 'the old house was', 'when i woke up', 'the new teacher'];
const SEEDS = 2;

const { generator, reward } = await loadProjectModels('builtin');
const points: { n: number; bon: { x: number; y: number }; spr: { x: number; y: number } }[] = [];
console.log('| N | Best-of-N reward | Best-of-N tokens | SpR reward | SpR tokens | SpR / BoN tokens |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of NS) {
  const means = await compareMethods(generator, [reward], { prompts: PROMPTS, seeds: SEEDS, n, maxNewTokens: 64, alpha: 0.5 });
  const bon = means.get('bon')!;
  const spr = means.get('spr')!;
  points.push({ n, bon: { x: bon.decodedTokens, y: bon.bestReward }, spr: { x: spr.decodedTokens, y: spr.bestReward } });
  console.log(`| ${n} | ${bon.bestReward.toFixed(3)} | ${bon.decodedTokens.toFixed(0)} | ${spr.bestReward.toFixed(3)} | ${spr.decodedTokens.toFixed(0)} | ${(spr.decodedTokens / bon.decodedTokens).toFixed(2)}x |`);
}
await reward.dispose();
await generator.dispose();
await writeFile(new URL('../docs/reward-vs-tokens.svg', import.meta.url), svg(points));
console.log('Wrote docs/reward-vs-tokens.svg');

function svg(data: typeof points): string {
  const W = 640, H = 360, L = 64, R = 20, T = 36, B = 52;
  const xs = data.flatMap((p) => [p.bon.x, p.spr.x]);
  const ys = data.flatMap((p) => [p.bon.y, p.spr.y]);
  const [x0, x1] = [0, Math.max(...xs) * 1.05];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys) * 1.1];
  const px = (x: number) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const py = (y: number) => H - B - ((y - y0) / (y1 - y0)) * (H - T - B);
  const series = (key: 'bon' | 'spr', color: string) => {
    const pts = data.map((p) => `${px(p[key].x).toFixed(1)},${py(p[key].y).toFixed(1)}`).join(' ');
    const dots = data
      .map((p) => `<circle cx="${px(p[key].x).toFixed(1)}" cy="${py(p[key].y).toFixed(1)}" r="4" fill="${color}"/><text x="${(px(p[key].x) + 6).toFixed(1)}" y="${(py(p[key].y) - 6).toFixed(1)}" font-size="11" fill="${color}">N=${p.n}</text>`)
      .join('');
    return `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2"/>${dots}`;
  };
  const ticks = (count: number, lo: number, hi: number) => Array.from({ length: count + 1 }, (_, i) => lo + ((hi - lo) * i) / count);
  const xTicks = ticks(5, x0, x1).map((x) => `<line x1="${px(x)}" x2="${px(x)}" y1="${H - B}" y2="${H - B + 4}" stroke="#555"/><text x="${px(x)}" y="${H - B + 18}" font-size="11" text-anchor="middle">${Math.round(x)}</text>`).join('');
  const yTicks = ticks(4, y0, y1).map((y) => `<line x1="${L - 4}" x2="${W - R}" y1="${py(y)}" y2="${py(y)}" stroke="#e5e7eb"/><text x="${L - 8}" y="${py(y) + 4}" font-size="11" text-anchor="end">${y.toFixed(2)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${W / 2}" y="20" font-size="14" text-anchor="middle">Best reward reached vs tokens decoded (built-in models, 64 new tokens, α = 0.5)</text>
${yTicks}${xTicks}
<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#555"/>
<text x="${(L + W - R) / 2}" y="${H - 12}" font-size="12" text-anchor="middle">tokens decoded per prompt (mean)</text>
<text x="16" y="${(T + H - B) / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 16 ${(T + H - B) / 2})">best reward (mean AFINN valence)</text>
${series('bon', '#1d4ed8')}${series('spr', '#c2410c')}
<rect x="${L + 12}" y="${T + 4}" width="12" height="12" fill="#1d4ed8"/><text x="${L + 30}" y="${T + 14}" font-size="12">Best-of-N</text>
<rect x="${L + 12}" y="${T + 22}" width="12" height="12" fill="#c2410c"/><text x="${L + 30}" y="${T + 32}" font-size="12">Speculative Rejection</text>
</svg>
`;
}
