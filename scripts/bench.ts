// `npm run bench`: Speculative Rejection against Best-of-N on the project's models (CPU,
// onnxruntime-node): tokens decoded, reward-model tokens, wall time and best reward, averaged over
// prompts and seeds. Prints a table; asserts nothing. Then the decode-loop benchmark.
// Usage: npm run bench -- [--models tiny|builtin] [--n 32] [--max-new-tokens 64] [--alpha 0.5] [--seeds 3]
import { parseArgs } from 'node:util';
import { defaultRunConfig } from '../src/core/config.ts';
import type { MethodId, RunEventOf } from '../src/core/events.ts';
import { runAlignment } from '../src/core/runAlignment.ts';
import { loadGenerator, loadRewardModel } from '../src/models/index.ts';
import { buildModels, PUBLIC_MODELS_DIR } from './lib/buildModels.ts';

const { values } = parseArgs({
  options: {
    models: { type: 'string', default: 'tiny' },
    n: { type: 'string', default: '32' },
    'max-new-tokens': { type: 'string', default: '64' },
    alpha: { type: 'string', default: '0.5' },
    seeds: { type: 'string', default: '3' },
  },
});
const N = Number(values.n);
const MAX_NEW = Number(values['max-new-tokens']);
const ALPHA = Number(values.alpha);
const SEEDS = Number(values.seeds);
const PROMPTS = ['the weather today', 'my neighbour said that', 'after the meeting we', 'the old house was'];

const index = await buildModels(PUBLIC_MODELS_DIR);
const random = values.models === 'tiny';
const pick = (kind: string) => {
  const entry = index.models.find((m) => m.kind === kind && m.random === random);
  if (!entry) throw new Error(`no ${values.models} ${kind} model in public/models/index.json`);
  return { kind: 'path' as const, path: `${PUBLIC_MODELS_DIR}${entry.id}` };
};
const options = { device: 'cpu', dtype: 'fp32' } as const;
const generator = await loadGenerator(pick('generator'), options);
const reward = await loadRewardModel(pick('reward'), options);

type Sum = { decoded: number; rewardTokens: number; wallMs: number; best: number; runs: number };
const sums = new Map<MethodId, Sum>();
for (const prompt of PROMPTS) {
  for (let seed = 1; seed <= SEEDS; seed++) {
    const promptTokens = generator.encodePrompt(prompt).length;
    const base = defaultRunConfig(prompt);
    // N rows of a quarter of the full length: Best-of-N runs in sequential batches.
    const kvBudgetBytes = N * (promptTokens + Math.ceil(MAX_NEW / 4)) * generator.info.kvBytesPerToken;
    const config = { ...base, methods: ['bon', 'spr'] as MethodId[], n: N, maxNewTokens: MAX_NEW, seed, kvBudgetBytes, spr: { ...base.spr, alpha: ALPHA } };
    const events = await runAlignment(config, { generator, scorers: [reward], onEvent: () => {} });
    for (const end of events.filter((e): e is RunEventOf<'run-end'> => e.type === 'run-end')) {
      const s = sums.get(end.method) ?? { decoded: 0, rewardTokens: 0, wallMs: 0, best: 0, runs: 0 };
      s.decoded += end.totals.decodedTokens;
      s.rewardTokens += end.totals.rewardTokens;
      s.wallMs += end.totals.wallMs;
      s.best += end.winner?.reward ?? 0;
      s.runs += 1;
      sums.set(end.method, s);
    }
  }
}
await reward.dispose();
await generator.dispose();

const bon = sums.get('bon')!;
const spr = sums.get('spr')!;
const mean = (s: Sum, k: keyof Sum) => s[k] / s.runs;
console.log(`\n${values.models} models, N = ${N}, ${MAX_NEW} new tokens, alpha = ${ALPHA}, ${PROMPTS.length} prompts x ${SEEDS} seeds (means per run)\n`);
console.log('| method | best reward | tokens decoded | reward-model tokens | wall ms |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, s] of [['Best-of-N', bon], ['Speculative Rejection', spr]] as const) {
  console.log(`| ${name} | ${mean(s, 'best').toFixed(3)} | ${mean(s, 'decoded').toFixed(0)} | ${mean(s, 'rewardTokens').toFixed(0)} | ${mean(s, 'wallMs').toFixed(0)} |`);
}
console.log(`| ratio SpR / BoN | ${(spr.best / bon.best).toFixed(3)} | ${(spr.decoded / bon.decoded).toFixed(2)}x | ${(spr.rewardTokens / bon.rewardTokens).toFixed(2)}x | ${(spr.wallMs / bon.wallMs).toFixed(2)}x |`);
