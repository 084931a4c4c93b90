// Where do the methods disagree? Best-of-N and Speculative Rejection (same N, so Speculative Rejection
// prunes Best-of-N's own candidates) over the built-in sentence starts and a range of seeds, on the
// built-in models: prints every run where Speculative Rejection did not end on Best-of-N's answer, and
// why (the miss line the app shows). The shipped examples (scripts/record-examples.ts) come from here.
// Usage: npx tsx scripts/find-disagreements.ts [--seeds 10] [--n 32] [--max-new-tokens 48] [--kv-budget 640] [--alpha 0.5]
import { parseArgs } from 'node:util';
import { POSITIVE_CONTINUATION_TASK } from '../src/modelgen/builtin/task.ts';
import { scanDisagreements } from './lib/scanDisagreements.ts';
import { loadProjectModels } from './lib/studyModels.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' },
    n: { type: 'string', default: '32' },
    'max-new-tokens': { type: 'string', default: '48' },
    'kv-budget': { type: 'string', default: '640' },
    alpha: { type: 'string', default: '0.5' },
  },
});

const { generator, reward } = await loadProjectModels('builtin');
const shape = { n: Number(values.n), maxNewTokens: Number(values['max-new-tokens']), kvBudgetTokens: Number(values['kv-budget']), alpha: Number(values.alpha), sprStart: 'n' as const };
const rows = await scanDisagreements({ generator, scorers: [reward] }, POSITIVE_CONTINUATION_TASK.examplePrompts, Number(values.seeds), shape);
console.log(`| prompt | seed | Best-of-N's answer | SpR's answer | Best-of-N's FLOPs to match SpR | what happened |`);
console.log('|---|---:|---:|---:|---:|---|');
for (const r of rows) {
  console.log(`| ${r.settings.prompt} | ${r.settings.seed} | #${r.bonWinner} | #${r.sprWinner} | ${r.catchUpFlops?.toFixed(2) ?? '–'}x | ${r.kind}: ${r.text} |`);
}
const missed = rows.filter((r) => r.kind === 'missed').length;
console.log(`\n${rows.length} runs; Speculative Rejection missed Best-of-N's answer in ${missed} (${((100 * missed) / rows.length).toFixed(0)}%).`);
await reward.dispose();
await generator.dispose();
