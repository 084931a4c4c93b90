// Turns the study's --generator / --reward / --reference strings into model sources:
// 'builtin' and 'tiny' name the project's own models, an existing folder loads from disk,
// and owner/name is a Hugging Face Hub id.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelIndex, ModelKind } from '../../src/modelgen/model-catalog.ts';
import type { ModelSource } from '../../src/models/index.ts';
import { StudyError } from './studyError.ts';

const HUB_ID = /^[\w.-]+\/[\w.-]+$/;

/** Needs the built-in index only for 'builtin' / 'tiny'; `index` is built lazily by the caller. */
export function resolveModel(
  spec: string,
  kind: ModelKind,
  builtIn: () => { dir: string; index: ModelIndex },
): ModelSource {
  if (spec === 'builtin' || spec === 'tiny') {
    const { dir, index } = builtIn();
    const wantRandom = spec === 'tiny';
    const entry = index.models.find((m) => m.kind === kind && m.random === wantRandom);
    if (!entry) throw new StudyError(`no ${spec} ${kind} model is built in; the built-in ones are: ${index.models.map((m) => m.id).join(', ')}`);
    return { kind: 'path', path: join(dir, entry.id) };
  }
  const path = resolve(spec);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new StudyError(`${spec} is a file; give the model's folder (the one holding config.json)`);
    return { kind: 'path', path };
  }
  if (HUB_ID.test(spec)) return { kind: 'hub', id: spec };
  throw new StudyError(`${spec} is neither a folder nor a Hugging Face model id (owner/name), nor 'builtin' or 'tiny'`);
}
