// The settings kept across reloads: the run form as typed, and the model choice without picked folders
// (a page cannot keep access to files it was handed; the folder is picked again). Read back leniently:
// anything stored by another version that no longer fits falls back to the default, field by field.
import * as v from 'valibot';
import type { MethodId } from '../../core/events.ts';
import { IMPLEMENTED_METHODS } from '../../core/methodNames.ts';
import type { DevicePreference } from '../../worker/api.ts';
import type { CatalogEntry } from '../models/catalog.ts';
import type { ScorerDraft, ScorerKind } from '../models/scorer-drafts.ts';
import type { ModelSelection, SourceDraft, SourceMode } from '../models/selection.ts';
import { FORM_CHOICES, isChoiceField, type RunForm } from '../run/run-form.ts';

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

const MODES: readonly SourceMode[] = ['builtin', 'hub', 'folder'];
const DEVICES: readonly DevicePreference[] = ['auto', 'webgpu', 'wasm'];
const SCORER_KINDS: readonly ScorerKind[] = ['classifier', 'implicit-dpo'];

/** Falls back to null where the value does not read, so each part of a saved record stands or falls alone. */
const orNull = <T extends v.GenericSchema>(schema: T) => v.fallback(v.nullable(schema), null);

const SavedSourceSchema = v.object({ mode: v.picklist(MODES), builtinId: v.string(), hubId: v.string() });

/** The saved model choice, read part by part: a part that does not read is null, and takes the default. */
const SavedSelectionSchema = v.fallback(v.nullable(v.object({
  generator: orNull(SavedSourceSchema),
  scorers: v.fallback(v.array(orNull(v.object({ kind: v.picklist(SCORER_KINDS), classifier: orNull(SavedSourceSchema), reference: orNull(SavedSourceSchema) }))), []),
  device: orNull(v.picklist(DEVICES)),
})), null);

/** A saved source, or `fallback` when it did not read or names a built-in model this app no longer has. */
function restoreSource(saved: SavedSource | null, fallback: SourceDraft, catalog: readonly CatalogEntry[]): SourceDraft {
  if (saved === null || (saved.mode === 'builtin' && !catalog.some((e) => e.id === saved.builtinId))) return fallback;
  return { ...saved, folder: null };
}

/**
 * The model choice saved last, over `fallback` (the defaults for this catalog); `urlDevice` (from
 * ?device=) wins over the saved device unless it is 'auto'.
 */
export function restoreSelection(stored: unknown, catalog: readonly CatalogEntry[], fallback: ModelSelection, urlDevice: DevicePreference): ModelSelection {
  const saved = v.parse(SavedSelectionSchema, stored);
  const device = urlDevice !== 'auto' ? urlDevice : saved?.device ?? fallback.device;
  const base = fallback.scorers[0];
  if (saved === null || !base) return { ...fallback, device };
  const scorers = saved.scorers.flatMap((raw, key): ScorerDraft[] => (raw === null ? [] : [{
    key, kind: raw.kind, classifier: restoreSource(raw.classifier, base.classifier, catalog), reference: restoreSource(raw.reference, base.reference, catalog),
  }]));
  return {
    generator: restoreSource(saved.generator, fallback.generator, catalog),
    scorers: scorers.length > 0 ? scorers : fallback.scorers,
    device,
  };
}

/** The run form as saved, over `base`: each field as typed when it still reads as that field, else base's. */
function savedFormSchema(base: RunForm) {
  const entries = Object.fromEntries((Object.keys(base) as (keyof RunForm)[]).map((key) => {
    const schema = key === 'methods'
      ? v.pipe(v.array(v.picklist(IMPLEMENTED_METHODS)), v.transform((m): readonly MethodId[] => [...new Set(m)]))
      : isChoiceField(key) ? v.picklist(FORM_CHOICES[key]) : v.string();
    return [key, v.fallback(schema, base[key] as never)];
  }));
  return v.fallback(v.object(entries), base as never);
}

/** The run form saved last, over `base`: each field kept when it still reads as that field. */
export function restoreForm(saved: unknown, base: RunForm): RunForm {
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return base;
  return v.parse(savedFormSchema(base), saved) as unknown as RunForm;
}
