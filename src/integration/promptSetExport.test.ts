// The same prompts, seed and settings through both paths, on the built-in models (onnxruntime-node):
// the app's (its controller and set runner, the worker's EngineService behind comlink, the run form's
// settings, the browser's store on an in-memory IndexedDB) and the study's `--export`. The training files
// are the same bytes; the CSV too but for its wall times, which no two runs share.
import 'fake-indexeddb/auto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildModels, PUBLIC_MODELS_DIR } from '../../scripts/lib/buildModels.ts';
import { parseStudyArgs } from '../../scripts/study/args.ts';
import { runStudy } from '../../scripts/study/runStudy.ts';
import { createController } from '../app/engine/controller.ts';
import { FakeWorker } from '../app/engine/fake-worker.ts';
import { createArchive } from '../app/storage/archive.ts';
import { openArchiveDb } from '../app/storage/db.ts';
import { EXPORT_FORMATS } from '../promptset/exportRequest.ts';
import { sidecarName } from '../promptset/exports.ts';
import { DEFAULT_PAIR_OPTIONS } from '../promptset/preferencePair.ts';
import { EngineService } from '../worker/engine-service.ts';

const PROMPTS = ['the weather today', 'my friend said that', 'when i opened the letter', 'the new school'];
const SETTINGS = { n: '6', maxNewTokens: '12', kvBudgetTokens: '60', seed: '3' };

let index: string;
beforeAll(async () => {
  await buildModels(PUBLIC_MODELS_DIR);
  index = await readFile(join(PUBLIC_MODELS_DIR, 'index.json'), 'utf8');
  vi.stubGlobal('fetch', async () => new Response(index));
});
afterAll(() => vi.unstubAllGlobals());

const withoutWall = (csv: string) => {
  const { data } = Papa.parse<string[]>(csv.trimEnd());
  const wall = data[0]!.flatMap((name, i) => (name.endsWith('_wall_s') ? [i] : []));
  return data.map((row) => row.filter((_, i) => !wall.includes(i)));
};

it('the app\'s exports of a prompt set equal the study\'s --export for the same prompts, seed and settings', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'set-export-'));
  const promptsFile = join(dir, 'starts.json');
  await writeFile(promptsFile, JSON.stringify(PROMPTS));

  // The app.
  const service = new EngineService({ toModelSource: (spec) => ({ kind: 'path', path: join(PUBLIC_MODELS_DIR, spec.kind === 'files' ? spec.name : spec.id) }) });
  const archive = createArchive({ open: () => openArchiveDb('set-export-integration'), locks: null, page: null });
  const app = createController(() => new FakeWorker(service), 'auto', archive);
  app.start();
  await vi.waitFor(() => expect(app.selection.get()?.generator).toBeDefined());
  await app.load();
  expect(app.session.get().phase).toBe('ready');
  app.form.update((f) => ({ ...f, ...SETTINGS, methods: ['bon', 'spr', 'treebon'] }));
  app.sets.openFile(await readFile(promptsFile, 'utf8'), 'starts.json');
  await app.sets.run();
  expect(app.sets.state.get().open).toMatchObject({ status: 'done', problem: null });

  // The study.
  const flags = EXPORT_FORMATS.flatMap((format) => ['--export', join(dir, `study.${format}.${format === 'csv' ? 'csv' : 'jsonl'}`), '--format', format]);
  const args = parseStudyArgs([
    '--generator', 'builtin', '--reward', 'builtin', '--prompts', promptsFile, '--methods', 'bon,spr,treebon', '--n', SETTINGS.n,
    '--max-new-tokens', SETTINGS.maxNewTokens, '--kv-budget-tokens', SETTINGS.kvBudgetTokens, '--seed', SETTINGS.seed, '--quiet', ...flags,
  ])!;
  await runStudy(args, { print: () => {}, log: () => {} });

  for (const format of EXPORT_FORMATS) {
    const appFiles = app.sets.exportFiles({ format, ...DEFAULT_PAIR_OPTIONS })!;
    const studyFile = join(dir, `study.${format}.${format === 'csv' ? 'csv' : 'jsonl'}`);
    const studyData = await readFile(studyFile, 'utf8');
    if (format === 'sft' || format === 'csv') expect(appFiles.lines).toBe(PROMPTS.length);
    else expect(appFiles.lines).toBeGreaterThan(0);
    if (format === 'csv') expect(withoutWall(appFiles.data.text)).toEqual(withoutWall(studyData));
    else expect(appFiles.data.text).toBe(studyData);
    expect(appFiles.meta.text).toBe(await readFile(sidecarName(studyFile), 'utf8'));
  }
  app.changeModels();
});
