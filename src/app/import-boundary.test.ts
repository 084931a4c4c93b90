// Proves the UI never reaches transformers.js or the model layer: every file reachable from src/app
// through imports is scanned; the worker is reached only as a type (its code runs in the worker bundle).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface ImportRef {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[\s\S]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of source.matchAll(IMPORT)) refs.push({ specifier: m[2] ?? '', typeOnly: Boolean(m[1]) });
  for (const m of source.matchAll(DYNAMIC)) refs.push({ specifier: m[1] ?? '', typeOnly: false });
  return refs;
}

const FORBIDDEN_PACKAGES = [/^@huggingface\/transformers/, /^onnxruntime-/];
const root = resolve(__dirname, '..', '..');
const srcModels = join(root, 'src', 'models');
const srcWorker = join(root, 'src', 'worker');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Walks value imports from the UI's sources; returns every violation as "file: reason". */
function violations(entries: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const where = relative(root, file);
    for (const ref of importsOf(readFileSync(file, 'utf8'))) {
      if (FORBIDDEN_PACKAGES.some((re) => re.test(ref.specifier))) problems.push(`${where}: imports ${ref.specifier}`);
      if (!ref.specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), ref.specifier);
      if (target.startsWith(srcModels)) problems.push(`${where}: imports ${ref.specifier} (src/models)`);
      if (target.startsWith(srcWorker) && !ref.typeOnly && !file.startsWith(srcWorker)) {
        problems.push(`${where}: value import of ${ref.specifier} (the worker must be a type-only import)`);
      }
      if (existsSync(target) && !target.startsWith(srcModels)) queue.push(target);
    }
  }
  return problems;
}

describe('UI import boundary', () => {
  it('recognises value, type-only, multi-line and dynamic imports', () => {
    const refs = importsOf(
      `import type { A } from '../worker/api.ts';\nimport {\n  b,\n} from '@huggingface/transformers';\nexport { c } from './c.ts';\nconst m = await import('onnxruntime-web');\nimport './side.css';`,
    );
    expect(refs).toEqual([
      { specifier: '../worker/api.ts', typeOnly: true },
      { specifier: '@huggingface/transformers', typeOnly: false },
      { specifier: './c.ts', typeOnly: false },
      { specifier: './side.css', typeOnly: false },
      { specifier: 'onnxruntime-web', typeOnly: false },
    ]);
  });

  it('src/app reaches neither transformers.js, onnxruntime nor src/models, and the worker only as a type', () => {
    // Tests are not shipped (and this one spells the forbidden names); everything else is.
    const appFiles = filesUnder(join(root, 'src', 'app')).filter((f) => !/\.test\.tsx?$/.test(f));
    expect(appFiles.length).toBeGreaterThan(5);
    expect(violations(appFiles)).toEqual([]);
  });
});
