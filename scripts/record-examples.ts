// The recorded runs the app ships (public/recordings/): the guided tour's run and examples a user can
// open before any model loads, or run live with the same prompt and seed. Each is a run of the three
// methods on the built-in models through the app's own run form, at fixed seeds. The examples are
// picked from a scan of the built-in sentence starts × seeds (Best-of-N against Speculative Rejection at
// the same N, so they prune the same candidates): for the tour, a run where Speculative Rejection cut
// Best-of-N's answer (from furthest down the ranking among those where pruning still paid in FLOPs), so it
// shows the saving and the miss; the first run (of another prompt) where it kept the answer; and that run
// from the same memory.
// Each is recorded --tries times and the fastest try kept (see recordFastest).
// Usage: npx tsx scripts/record-examples.ts [--seeds 6] [--tries 15]
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runFileText } from '../src/core/runFile.ts';
import { POSITIVE_CONTINUATION_TASK } from '../src/modelgen/builtin/task.ts';
import { finishOrder, raceTimeline } from '../src/app/race/race-timeline.ts';
import { RECORDINGS_FORMAT, type RecordingEntry, type RecordingIndex } from '../src/app/tour/recording-index.ts';
import { disagreementOf, recordFastest, type ExampleSettings, type Models } from './lib/examples.ts';
import { scanDisagreements, type ScanRow } from './lib/scanDisagreements.ts';
import { loadProjectModels } from './lib/studyModels.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '6' }, tries: { type: 'string', default: '15' } } });
const OUT = new URL('../public/recordings/', import.meta.url);
/** Small files: N = 32, 48 new tokens, a KV budget of 640 tokens (12 full-length rows: Best-of-N runs in 3 batches). */
const SHAPE = { n: 32, maxNewTokens: 48, kvBudgetTokens: 640, alpha: 0.5, sprStart: 'n' as const };

const { generator, reward } = await loadProjectModels('builtin');
const models: Models = { generator, scorers: [reward] };
const rows = await scanDisagreements(models, POSITIVE_CONTINUATION_TASK.examplePrompts, Number(values.seeds), SHAPE);
const missed = rows.filter((r) => r.kind === 'missed');
if (missed.length === 0) throw new Error('no run where Speculative Rejection missed Best-of-N\'s answer: scan more seeds');
const deepestCut = (r: ScanRow) => Number(r.text.match(/ranked (\d+)\w\w of/)?.[1] ?? 0);
// A miss where pruning still paid (Best-of-N needs more FLOPs to reach the reward Speculative Rejection
// found) tells both halves of the story; the deepest cut among those.
const paid = missed.filter((r) => (r.catchUpFlops ?? 0) >= 1);
const miss = (paid.length > 0 ? paid : missed).reduce((a, b) => (deepestCut(b) > deepestCut(a) ? b : a));
const found = rows.find((r) => r.kind === 'found' && r.settings.prompt !== miss.settings.prompt) ?? rows.find((r) => r.kind === 'found');
if (!found) throw new Error('no run where Speculative Rejection kept Best-of-N\'s answer');

await mkdir(OUT, { recursive: true });
const entries: RecordingEntry[] = [];
const record = async (id: string, title: string, settings: ExampleSettings, tour: boolean) => {
  const events = await recordFastest(models, settings, ['bon', 'spr', 'treebon'], Number(values.tries));
  const line = disagreementOf(events).line;
  // At the same N, Speculative Rejection decodes a fraction of Best-of-N's tokens in a third of its steps: a
  // clock that has it finish later measured the machine's load, not the method.
  const first = finishOrder(raceTimeline(events, null))[0]?.method;
  if (settings.sprStart === 'n' && first !== 'spr') throw new Error(`${id}: ${first} had its answer first even in the fastest try; run again on a quieter machine or with more --tries`);
  const file = `${id}.json`;
  const text = runFileText(events);
  await writeFile(new URL(file, OUT), text);
  entries.push({ id, file, title, tour, settings, outcome: line?.text ?? '' });
  const walls = events.flatMap((e) => (e.type === 'run-end' ? [`${e.method} ${e.totals.wallMs.toFixed(0)} ms`] : []));
  console.log(`${file}: ${(text.length / 1024).toFixed(0)} KB, ${walls.join(', ')}; ${line?.kind}: ${line?.text}`);
};
await record('spr-misses', 'Speculative Rejection misses Best-of-N\'s answer (same N)', miss.settings, true);
await record('spr-agrees', 'Speculative Rejection finds Best-of-N\'s answer (same N)', found.settings, false);
await record('same-memory', 'The same memory: Speculative Rejection starts more', { ...found.settings, sprStart: 'memory' }, false);

const index: RecordingIndex = {
  format: RECORDINGS_FORMAT,
  note: `Written by scripts/record-examples.ts: built-in models, the app's run form, fixed seeds; the fastest of ${values.tries} tries.`,
  generator: generator.info.id,
  recordings: entries,
  scanned: { prompts: POSITIVE_CONTINUATION_TASK.examplePrompts.length, seeds: Number(values.seeds), runs: rows.length, missed: missed.length },
};
await writeFile(new URL('index.json', OUT), `${JSON.stringify(index, null, 2)}\n`);
console.log(`index.json: ${entries.length} recordings; Speculative Rejection missed Best-of-N's answer in ${missed.length} of ${rows.length} scanned runs.`);
await reward.dispose();
await generator.dispose();
