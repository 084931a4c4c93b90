// Turns the study's --generator / --reward / --reference strings into model sources:
// 'builtin' and 'tiny' name the project's own models (or one of them by id, e.g.
// builtin-brown-lm-positive), an existing folder loads from disk, and owner/name is a Hugging Face Hub id.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelIndex, ModelIndexEntry, ModelKind } from '../../src/modelgen/model-catalog.ts';
import type { ModelSource } from '../../src/models/index.ts';
import { StudyError } from './studyError.ts';

const HUB_ID = /^[\w.-]+\/[\w.-]+$/;
const BUILT_IN_ID = /^(builtin|tiny)-[\w.-]+$/;

/** The spec names one of the project's own models (so they must be built before resolving it). */
export function namesBuiltIn(spec: string | undefined): boolean {
  if (spec === undefined) return false;
  return spec === 'builtin' || spec === 'tiny' || (BUILT_IN_ID.test(spec) && !existsSync(resolve(spec)));
}

/** 'builtin' / 'tiny' as a model of `kind`; as a reference, the one that is some generator's base. */
function builtInEntry(index: ModelIndex, spec: 'builtin' | 'tiny', kind: ModelKind): ModelIndexEntry | undefined {
  const wantRandom = spec === 'tiny';
  const own = index.models.filter((m) => m.random === wantRandom);
  if (kind === 'reference') return own.find((m) => m.kind === 'reference') ?? own.find((m) => m.referenceFor !== undefined);
  return own.find((m) => m.kind === kind);
}

/** Needs the built-in index only for built-in names; `index` is built lazily by the caller. */
export function resolveModel(
  spec: string,
  kind: ModelKind,
  builtIn: () => { dir: string; index: ModelIndex },
): ModelSource {
  if (spec === 'builtin' || spec === 'tiny') {
    const { dir, index } = builtIn();
    const entry = builtInEntry(index, spec, kind);
    if (!entry) throw new StudyError(`no ${spec} ${kind} model is built in; the built-in ones are: ${index.models.map((m) => m.id).join(', ')}`);
    return { kind: 'path', path: join(dir, entry.id) };
  }
  const path = resolve(spec);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new StudyError(`${spec} is a file; give the model's folder (the one holding config.json)`);
    return { kind: 'path', path };
  }
  if (BUILT_IN_ID.test(spec)) {
    const { dir, index } = builtIn();
    if (!index.models.some((m) => m.id === spec)) {
      throw new StudyError(`${spec} is not a built-in model; the built-in ones are: ${index.models.map((m) => m.id).join(', ')}`);
    }
    return { kind: 'path', path: join(dir, spec) };
  }
  if (HUB_ID.test(spec)) return { kind: 'hub', id: spec };
  throw new StudyError(`${spec} is neither a folder nor a Hugging Face model id (owner/name), nor 'builtin' or 'tiny'`);
}

/** The implicit reward of a model against itself is 0 for every answer: refuse it with the fix. */
export function checkReferenceDiffers(generator: ModelSource, reference: ModelSource, index: ModelIndex | null): void {
  const same =
    (generator.kind === 'path' && reference.kind === 'path' && resolve(generator.path) === resolve(reference.path)) ||
    (generator.kind === 'hub' && reference.kind === 'hub' && generator.id === reference.id);
  if (!same) return;
  const name = generator.kind === 'path' ? generator.path : generator.kind === 'hub' ? generator.id : 'the generator';
  const tuned = index?.models.find((m) => generator.kind === 'path' && resolve(generator.path).endsWith(`/${m.id}`))?.referenceFor;
  const fix = tuned ? `; it is the base of ${tuned}: try --generator ${tuned}` : '';
  throw new StudyError(`--reference is the generator itself (${name}): its implicit reward would be 0 for every answer${fix}`);
}
