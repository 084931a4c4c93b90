// The settings kept across reloads: the run form as typed, and the model choice without picked folders
// (a page cannot keep access to files it was handed; the folder is picked again). Read back leniently:
// anything stored by another version that no longer fits falls back to the default, field by field.
import type { MethodId } from '../../core/events.ts';
import { IMPLEMENTED_METHODS } from '../../core/methodNames.ts';
import type { DevicePreference } from '../../worker/api.ts';
import type { CatalogEntry } from '../models/catalog.ts';
import type { ScorerDraft, ScorerKind } from '../models/scorer-drafts.ts';
import type { ModelSelection, SourceDraft, SourceMode } from '../models/selection.ts';
import type { RunForm } from '../run/run-form.ts';

type SavedSource = Pick<SourceDraft, 'mode' | 'builtinId' | 'hubId'>;

export interface SavedSelection {
  readonly generator: SavedSource;
  readonly scorers: readonly { readonly kind: ScorerKind; readonly classifier: SavedSource; readonly reference: SavedSource }[];
  readonly device: DevicePreference;
}

const source = ({ mode, builtinId, hubId }: SourceDraft): SavedSource => ({ mode, builtinId, hubId });

export function toSavedSelection(s: ModelSelection): SavedSelection {
  return {
    generator: source(s.generator),
    scorers: s.scorers.map((d) => ({ kind: d.kind, classifier: source(d.classifier), reference: source(d.reference) })),
    device: s.device,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(v: unknown, values: readonly T[]): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

const MODES: readonly SourceMode[] = ['builtin', 'hub', 'folder'];
const DEVICES: readonly DevicePreference[] = ['auto', 'webgpu', 'wasm'];
const SCORER_KINDS: readonly ScorerKind[] = ['classifier', 'implicit-dpo'];

/** A saved source, or `fallback` when it does not read or names a built-in model this app no longer has. */
function restoreSource(saved: unknown, fallback: SourceDraft, catalog: readonly CatalogEntry[]): SourceDraft {
  if (!isRecord(saved) || !oneOf(saved.mode, MODES) || typeof saved.builtinId !== 'string' || typeof saved.hubId !== 'string') return fallback;
  if (saved.mode === 'builtin' && !catalog.some((e) => e.id === saved.builtinId)) return fallback;
  return { mode: saved.mode, builtinId: saved.builtinId, hubId: saved.hubId, folder: null };
}

/**
 * The model choice saved last, over `fallback` (the defaults for this catalog); `urlDevice` (from
 * ?device=) wins over the saved device unless it is 'auto'.
 */
export function restoreSelection(saved: unknown, catalog: readonly CatalogEntry[], fallback: ModelSelection, urlDevice: DevicePreference): ModelSelection {
  const device = urlDevice !== 'auto' ? urlDevice : isRecord(saved) && oneOf(saved.device, DEVICES) ? saved.device : fallback.device;
  if (!isRecord(saved)) return { ...fallback, device };
  const base = fallback.scorers[0];
  const scorers = Array.isArray(saved.scorers) && base
    ? saved.scorers.flatMap((raw: unknown, key): ScorerDraft[] => (isRecord(raw) && oneOf(raw.kind, SCORER_KINDS)
      ? [{ key, kind: raw.kind, classifier: restoreSource(raw.classifier, base.classifier, catalog), reference: restoreSource(raw.reference, base.reference, catalog) }]
      : []))
    : [];
  return {
    generator: restoreSource(saved.generator, fallback.generator, catalog),
    scorers: scorers.length > 0 ? scorers : fallback.scorers,
    device,
  };
}

/** The fields that take one of a few words. */
const CHOICES: Partial<Record<keyof RunForm, readonly string[]>> = {
  decisionMode: ['memory', 'fixed'], sprStart: ['n', 'memory'], ucbMode: ['off', 'on'],
  combineRule: ['min', 'softmin', 'mean'], combineNormalize: ['z', 'rank'],
};

/** The run form saved last, over `base`: each field kept when it still reads as that field. */
export function restoreForm(saved: unknown, base: RunForm): RunForm {
  if (!isRecord(saved)) return base;
  const form: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base) as (keyof RunForm)[]) {
    const value = saved[key];
    if (key === 'methods') {
      if (Array.isArray(value) && value.every((m) => oneOf(m, IMPLEMENTED_METHODS))) form.methods = [...new Set(value as MethodId[])];
    } else if (typeof value === 'string' && (CHOICES[key]?.includes(value) ?? true)) {
      form[key] = value;
    }
  }
  return form as unknown as RunForm;
}
