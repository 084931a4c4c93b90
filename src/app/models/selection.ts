// Which models the user picked, as drafts (what each picker shows) and as the LoadRequest sent to the
// worker. Built-in models are the default when the app ships them; the hub defaults are one click away.
import type { DevicePreference, LoadRequest, ModelSourceSpec, RewardSpec } from '../../worker/api.ts';
import { defaultGenerator, defaultRewardModel, referenceFor, type CatalogEntry } from './catalog.ts';

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

export interface ModelSelection {
  readonly generator: SourceDraft;
  readonly rewardKind: RewardSpec['kind'];
  /** The base model for the implicit DPO reward. */
  readonly reference: SourceDraft;
  /** A text-classification reward model. */
  readonly classifier: SourceDraft;
  readonly device: DevicePreference;
}

const draft = (mode: SourceMode, builtinId: string, hubId: string): SourceDraft => ({ mode, builtinId, hubId, folder: null });

export function defaultSelection(catalog: readonly CatalogEntry[], device: DevicePreference = 'auto'): ModelSelection {
  const generator = defaultGenerator(catalog);
  const reward = defaultRewardModel(catalog);
  const reference = generator ? referenceFor(catalog, generator.id) : null;
  const rewardKind: RewardSpec['kind'] = reward || !generator ? 'classifier' : 'implicit-dpo';
  return {
    generator: draft(generator ? 'builtin' : 'hub', generator?.id ?? '', HUB_GENERATOR),
    // Without built-ins the hub defaults pair up: SmolLM2-135M-Instruct against its base.
    rewardKind: generator ? rewardKind : 'implicit-dpo',
    reference: draft(reference ? 'builtin' : 'hub', reference?.id ?? '', HUB_REFERENCE),
    classifier: draft(reward ? 'builtin' : 'hub', reward?.id ?? '', ''),
    device,
  };
}

/** A new generator; a built-in one brings its own reference model (same tokenizer) along when the index names one. */
export function withGenerator(s: ModelSelection, generator: SourceDraft, catalog: readonly CatalogEntry[]): ModelSelection {
  if (generator.mode !== 'builtin') return { ...s, generator };
  const reference = catalog.find((e) => e.kind === 'reference' && e.referenceFor === generator.builtinId);
  return reference ? { ...s, generator, reference: { ...s.reference, mode: 'builtin', builtinId: reference.id } } : { ...s, generator };
}

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

export function toLoadRequest(s: ModelSelection): { ok: true; request: LoadRequest } | { ok: false; problem: string } {
  const generator = toSource(s.generator, 'generator');
  if (!generator.ok) return generator;
  const rewardSource = toSource(s.rewardKind === 'implicit-dpo' ? s.reference : s.classifier, s.rewardKind === 'implicit-dpo' ? 'reference model' : 'reward model');
  if (!rewardSource.ok) return rewardSource;
  const reward: RewardSpec = s.rewardKind === 'implicit-dpo'
    ? { kind: 'implicit-dpo', reference: rewardSource.source }
    : { kind: 'classifier', source: rewardSource.source };
  return { ok: true, request: { generator: generator.source, rewards: [reward], device: s.device } };
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

export function deviceFromUrl(search: string): DevicePreference {
  const device = new URLSearchParams(search).get('device');
  return device === 'wasm' || device === 'webgpu' ? device : 'auto';
}
