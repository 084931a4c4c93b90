// `npm run bench`: Speculative Rejection against Best-of-N on the project's models (CPU,
// onnxruntime-node). Prints tables; asserts nothing. Two comparisons:
//   same N: ratios of compute (decoded tokens, reward-model tokens, FLOPs, wall) and the reward kept;
//   same memory: the compute Best-of-N needs to reach Speculative Rejection's reward, next to the
//   perfect-pruning ceiling.
// (`npm run bench` then runs the decode-loop benchmark.)
// Usage: npx tsx scripts/bench.ts [--part same-n|same-memory|all] [--pairs builtin,tuned,tiny] [--prompts 12]
//        [--same-n-lengths 64,256] [--same-memory-lengths 64,256,1024]
import { parseArgs } from 'node:util';
import { loadPair, pairPrompts, PAIRS } from './bench/pairs.ts';
import { SAME_MEMORY_HEADER, sameMemoryRow } from './bench/sameMemory.ts';
import { SAME_N_HEADER, sameNRows } from './bench/sameN.ts';

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    pairs: { type: 'string', default: 'builtin,tuned,tiny' },
    /** Prompts per pair (default: the 12 sentence starts for the built-in pairs, 20 AlpacaFarm instructions for tiny). */
    prompts: { type: 'string' },
    n: { type: 'string', default: '64' },
    'same-n-lengths': { type: 'string', default: '64,256' },
    'same-memory-lengths': { type: 'string', default: '64,256,1024' },
  },
});
const list = (text: string) => text.split(',').map((x) => x.trim()).filter(Boolean);
const numbers = (text: string) => list(text).map(Number);
const pairs = list(values.pairs).map((name) => {
  const pair = PAIRS[name];
  if (!pair) throw new Error(`--pairs: unknown pair "${name}" (choose from ${Object.keys(PAIRS).join(', ')})`);
  return pair;
});
const promptCount = (pair: { name: string }) => (values.prompts !== undefined ? Number(values.prompts) : pair.name === 'tiny' ? 20 : 12);
const started = Date.now();
const sameN: string[] = [];
const sameMemory: string[] = [];
for (const pair of pairs) {
  const models = await loadPair(pair);
  const prompts = await pairPrompts(pair, promptCount(pair));
  console.error(`${pair.name}: ${pair.description}, ${prompts.length} prompts`);
  try {
    if (values.part !== 'same-memory') {
      for (const length of numbers(values['same-n-lengths'])) sameN.push(...(await sameNRows(models, pair.name, prompts, Number(values.n), length)));
    }
    if (values.part !== 'same-n') {
      for (const length of numbers(values['same-memory-lengths'])) sameMemory.push(await sameMemoryRow(models, pair.name, prompts, length));
    }
  } finally {
    await models.dispose();
  }
  console.error(`  done after ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
if (sameN.length > 0) {
  console.log(`\nSame N = ${values.n}: Speculative Rejection / Best-of-N, sums over the prompts (12 sentence starts for the built-in pairs, 20 AlpacaFarm instructions for tiny); KV budget N x (prompt + max new / 8)\n`);
  console.log([...SAME_N_HEADER, ...sameN].join('\n'));
}
if (sameMemory.length > 0) {
  console.log(`\nSame memory (8 full-length rows), α = 0.5: the compute Best-of-N needs to reach Speculative Rejection's reward, as multiples of what Speculative Rejection spent (sums over the same prompts)\n`);
  console.log([...SAME_MEMORY_HEADER, ...sameMemory].join('\n'));
}
