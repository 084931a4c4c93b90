// One model's source as a picker shows it (built-in, hub id or picked folder), and its check: a draft
// becomes the worker's ModelSourceSpec only when it names a model, otherwise it says what is missing.
import type { ModelSourceSpec } from '../../worker/api.ts';

export const HUB_GENERATOR = 'HuggingFaceTB/SmolLM2-135M-Instruct';
export const HUB_REFERENCE = 'onnx-community/SmolLM2-135M-ONNX';

export type SourceMode = 'builtin' | 'hub' | 'folder';

export interface PickedFolder {
  readonly name: string;
  /** Path relative to the picked folder -> file. */
  readonly files: ReadonlyMap<string, File>;
}

export interface SourceDraft {
  readonly mode: SourceMode;
  readonly builtinId: string;
  readonly hubId: string;
  readonly folder: PickedFolder | null;
}

export const draft = (mode: SourceMode, builtinId: string, hubId: string): SourceDraft => ({ mode, builtinId, hubId, folder: null });

/** A hub id is "owner/name" (letters, digits, '-', '_', '.'). */
export function hubIdProblem(id: string): string | null {
  const trimmed = id.trim();
  if (trimmed === '') return 'Type a model id, e.g. HuggingFaceTB/SmolLM2-135M-Instruct.';
  if (!/^[\w.-]+\/[\w.-]+$/.test(trimmed)) return `"${trimmed}" is not a hub id: it should look like owner/name.`;
  return null;
}

export function toSource(d: SourceDraft, role: string): { ok: true; source: ModelSourceSpec } | { ok: false; problem: string } {
  switch (d.mode) {
    case 'builtin':
      return d.builtinId ? { ok: true, source: { kind: 'builtin', id: d.builtinId } } : { ok: false, problem: `Pick a built-in ${role}.` };
    case 'hub': {
      const problem = hubIdProblem(d.hubId);
      return problem ? { ok: false, problem: `${role}: ${problem}` } : { ok: true, source: { kind: 'hub', id: d.hubId.trim() } };
    }
    case 'folder':
      return d.folder ? { ok: true, source: { kind: 'files', name: d.folder.name, files: d.folder.files } } : { ok: false, problem: `Pick a folder for the ${role}.` };
  }
}

/** Files from `<input type=file webkitdirectory>`: keys relative to the picked folder. */
export function folderFromFiles(files: Iterable<File>): PickedFolder | null {
  const map = new Map<string, File>();
  let name = '';
  for (const file of files) {
    const path = file.webkitRelativePath || file.name;
    const slash = path.indexOf('/');
    if (slash > 0) name ||= path.slice(0, slash);
    map.set(slash > 0 ? path.slice(slash + 1) : path, file);
  }
  return map.size === 0 ? null : { name: name || 'picked folder', files: map };
}

export function folderProblem(folder: PickedFolder): string | null {
  const paths = [...folder.files.keys()];
  if (!paths.includes('config.json')) return 'This folder has no config.json at its top: pick the model folder itself.';
  if (!paths.some((p) => p.endsWith('.onnx'))) return 'This folder has no .onnx file: it needs an ONNX export (onnx/model.onnx).';
  return null;
}
