// Writes every model of BUILT_MODELS into <dir>/<id>/ and the list into <dir>/index.json.
// Idempotent: files whose bytes are unchanged are not rewritten, files a model no longer has are removed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_MODELS, indexEntry, type ModelIndex, type ModelIndexEntry } from '../../src/modelgen/model-catalog.ts';
import { jsonFileBytes } from '../../src/modelgen/utf8.ts';
import { writeModelFolder } from '../../src/testing/model-folder-fs.ts';

/** Where the app serves its built-in models from (and where the study command finds them). */
export const PUBLIC_MODELS_DIR = fileURLToPath(new URL('../../public/models/', import.meta.url));

export async function buildModels(dir: string, log: (line: string) => void = () => {}): Promise<ModelIndex> {
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const entries: ModelIndexEntry[] = [];
  for (const model of BUILT_MODELS) {
    const buildStarted = performance.now();
    const files = await model.build();
    const result = await writeModelFolder(join(dir, model.id), files);
    const entry = indexEntry(model, files);
    entries.push(entry);
    const changed = result.written.length + result.removed.length;
    const ms = (performance.now() - buildStarted).toFixed(0);
    log(`${model.id}: ${(entry.bytes / 1024).toFixed(0)} KiB, ${changed ? `${changed} file(s) updated` : 'unchanged'}, ${ms} ms`);
  }
  const index: ModelIndex = { models: entries };
  const indexBytes = jsonFileBytes(index);
  const indexPath = join(dir, 'index.json');
  const previous = await readFile(indexPath).catch(() => undefined);
  if (!previous?.equals(indexBytes)) await writeFile(indexPath, indexBytes);
  log(`${indexPath}: ${entries.length} models (${(performance.now() - started).toFixed(0)} ms)`);
  return index;
}
