// `npm run models`: writes every model of BUILT_MODELS into public/models/<id>/ and the list
// into public/models/index.json. Idempotent: files whose bytes are unchanged are not
// rewritten, files a model no longer has are removed.
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUILT_MODELS, indexEntry, type ModelIndex } from '../src/modelgen/model-catalog.ts';
import { jsonFileBytes } from '../src/modelgen/utf8.ts';
import { writeModelFolder } from '../src/testing/model-folder-fs.ts';

const MODELS_DIR = fileURLToPath(new URL('../public/models/', import.meta.url));

async function main(): Promise<void> {
  const started = performance.now();
  await mkdir(MODELS_DIR, { recursive: true });
  const entries = [];
  for (const model of BUILT_MODELS) {
    const buildStarted = performance.now();
    const files = await model.build();
    const result = await writeModelFolder(`${MODELS_DIR}${model.id}`, files);
    const entry = indexEntry(model, files);
    entries.push(entry);
    const changed = result.written.length + result.removed.length;
    const ms = (performance.now() - buildStarted).toFixed(0);
    const status = changed ? `${changed} file(s) updated` : 'unchanged';
    console.log(`${model.id}: ${(entry.bytes / 1024).toFixed(0)} KiB, ${status}, ${ms} ms`);
  }
  const index: ModelIndex = { models: entries };
  const indexBytes = jsonFileBytes(index);
  const indexPath = `${MODELS_DIR}index.json`;
  const previous = await readFile(indexPath).catch(() => undefined);
  if (!previous?.equals(indexBytes)) await writeFile(indexPath, indexBytes);
  console.log(`public/models/index.json: ${entries.length} models (${(performance.now() - started).toFixed(0)} ms)`);
}

await main();
