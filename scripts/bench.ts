// `npm run bench`: Speculative Rejection against Best-of-N on the project's models (CPU,
// onnxruntime-node): tokens decoded, reward-model tokens, wall time and best reward, averaged over
// prompts and seeds. Prints a table; asserts nothing. (`npm run bench` then runs the decode-loop benchmark.)
// Usage: npx tsx scripts/bench.ts [--models tiny|builtin] [--n 32] [--max-new-tokens 64] [--alpha 0.5] [--seeds 3]
import { parseArgs } from 'node:util';
import { compareMethods } from './lib/compareMethods.ts';
import { loadProjectModels } from './lib/studyModels.ts';

const { values } = parseArgs({
  options: {
    models: { type: 'string', default: 'tiny' },
    n: { type: 'string', default: '32' },
    'max-new-tokens': { type: 'string', default: '64' },
    alpha: { type: 'string', default: '0.5' },
    seeds: { type: 'string', default: '3' },
  },
});
const which = values.models === 'builtin' ? 'builtin' : 'tiny';
const comparison = {
  prompts: ['the weather today', 'my friend said that', 'after the meeting we', 'the old house was'],
  seeds: Number(values.seeds),
  n: Number(values.n),
  maxNewTokens: Number(values['max-new-tokens']),
  alpha: Number(values.alpha),
};
const { generator, reward } = await loadProjectModels(which);
const means = await compareMethods(generator, [reward], comparison);
await reward.dispose();
await generator.dispose();

const bon = means.get('bon')!;
const spr = means.get('spr')!;
console.log(`\n${which} models, N = ${comparison.n}, ${comparison.maxNewTokens} new tokens, alpha = ${comparison.alpha}, ${comparison.prompts.length} prompts x ${comparison.seeds} seeds (means per run)\n`);
console.log('| method | best reward | tokens decoded | reward-model tokens | wall ms |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, m] of [['Best-of-N', bon], ['Speculative Rejection', spr]] as const) {
  console.log(`| ${name} | ${m.bestReward.toFixed(3)} | ${m.decodedTokens.toFixed(0)} | ${m.rewardTokens.toFixed(0)} | ${m.wallMs.toFixed(0)} |`);
}
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
console.log(`| SpR / BoN | ${(spr.bestReward / bon.bestReward).toFixed(3)} | ${ratio(spr.decodedTokens, bon.decodedTokens)} | ${ratio(spr.rewardTokens, bon.rewardTokens)} | ${ratio(spr.wallMs, bon.wallMs)} |`);
