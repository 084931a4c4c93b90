// Which models the user picked, as drafts (what each picker shows) and as the LoadRequest sent to the
// worker. Built-in models are the default when the app ships them; the hub defaults are one click away.
import type { DevicePreference, LoadRequest } from '../../worker/api.ts';
import { defaultGenerator, defaultRewardModel, referenceCandidates, type CatalogEntry } from './catalog.ts';
import { newScorer, toRewardSpecs, type ScorerDraft } from './scorer-drafts.ts';
import { draft, HUB_GENERATOR, toSource, type SourceDraft } from './source-draft.ts';

export {
  draft, folderFromFiles, folderProblem, HUB_GENERATOR, HUB_REFERENCE, hubIdProblem, toSource,
  type PickedFolder, type SourceDraft, type SourceMode,
} from './source-draft.ts';

export interface ModelSelection {
  readonly generator: SourceDraft;
  /** One or more scorers, in the order the run lists them; with several the run combines them. */
  readonly scorers: readonly ScorerDraft[];
  readonly device: DevicePreference;
}

export function defaultSelection(catalog: readonly CatalogEntry[], device: DevicePreference = 'auto'): ModelSelection {
  const generator = defaultGenerator(catalog);
  const reward = defaultRewardModel(catalog);
  // With a built-in generator: its reward model, or else the implicit reward against its base. Without
  // built-ins the hub defaults pair up: SmolLM2-135M-Instruct against its base.
  const kind: ScorerDraft['kind'] = generator && reward ? 'classifier' : 'implicit-dpo';
  return {
    generator: draft(generator ? 'builtin' : 'hub', generator?.id ?? '', HUB_GENERATOR),
    scorers: [newScorer(catalog, generator ? generator.id : null, kind, 0, reward?.id)],
    device,
  };
}

/**
 * The built-in tuned generator with its base, scored by the implicit DPO reward between them (the hub
 * choice's setup, offline), when the catalog pairs a trained generator with a base.
 */
export function tunedPairSelection(catalog: readonly CatalogEntry[], device: DevicePreference = 'auto'): ModelSelection | null {
  const bases = referenceCandidates(catalog);
  const tuned = catalog.find((e) => e.kind === 'generator' && !e.random && bases.some((b) => b.referenceFor === e.id));
  if (!tuned) return null;
  return {
    generator: draft('builtin', tuned.id, HUB_GENERATOR),
    scorers: [newScorer(catalog, tuned.id, 'implicit-dpo', 0)],
    device,
  };
}

/** A new generator; a built-in one brings its own reference model (same tokenizer) to every implicit reward. */
export function withGenerator(s: ModelSelection, generator: SourceDraft, catalog: readonly CatalogEntry[]): ModelSelection {
  if (generator.mode !== 'builtin') return { ...s, generator };
  const reference = referenceCandidates(catalog).find((e) => e.referenceFor === generator.builtinId);
  if (!reference) return { ...s, generator };
  return { ...s, generator, scorers: s.scorers.map((d) => ({ ...d, reference: { ...d.reference, mode: 'builtin', builtinId: reference.id } })) };
}

export function toLoadRequest(s: ModelSelection): { ok: true; request: LoadRequest } | { ok: false; problem: string } {
  const generator = toSource(s.generator, 'generator');
  if (!generator.ok) return generator;
  const sameModel = s.scorers.some((d) => d.kind === 'implicit-dpo' && d.reference.mode === 'builtin' && s.generator.mode === 'builtin' && d.reference.builtinId === s.generator.builtinId);
  if (sameModel) {
    return { ok: false, problem: 'The implicit reward compares the generator with its base model: pick a reference model other than the generator itself.' };
  }
  const rewards = toRewardSpecs(s.scorers);
  if (!rewards.ok) return rewards;
  return { ok: true, request: { generator: generator.source, rewards: rewards.rewards, device: s.device } };
}

export function deviceFromUrl(search: string): DevicePreference {
  const device = new URLSearchParams(search).get('device');
  return device === 'wasm' || device === 'webgpu' ? device : 'auto';
}
