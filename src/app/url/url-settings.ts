// Settings in the page's address, so a link opens the same setup: every run-form field under its own name
// (prompt, methods, n, alpha, ...), the models as `generator`, `reward` and `reference` (a built-in id or a
// hub id: picked folders cannot travel in a link) and the device. Read back field by field: a value that
// does not read as its field is left out with a message saying why, and that field keeps its default.
import { IMPLEMENTED_METHODS, METHOD_LABELS } from '../../core/methodNames.ts';
import type { MethodId } from '../../core/events.ts';
import type { CatalogEntry } from '../models/catalog.ts';
import type { ModelSelection, SourceDraft } from '../models/selection.ts';
import { checkRunForm, FORM_CHOICES, isChoiceField, type RunForm } from '../run/run-form.ts';

/** The form's fields a link carries, in the order it writes them. */
const FIELDS: readonly (keyof RunForm)[] = [
  'prompt', 'methods', 'n', 'alpha', 'maxNewTokens', 'kvBudgetTokens', 'seed', 'temperature', 'topK', 'topP',
  'decisionMode', 'decisionLengths', 'sprStart', 'sprMaxStart', 'treebonChildren', 'treebonLayers', 'ucbMode', 'ucbC', 'ucbFloor',
  'combineRule', 'combineNormalize', 'combineTemperature',
];

const MODEL_KEYS = ['generator', 'reward', 'reference'] as const;
const OTHER_KEYS = new Set<string>([...MODEL_KEYS, 'device']);

/** A model source as a link writes it: `builtin:<id>` or `hub:<owner/name>`; a folder cannot be written. */
function sourceText(s: SourceDraft): string | null {
  if (s.mode === 'builtin' && s.builtinId !== '') return `builtin:${s.builtinId}`;
  if (s.mode === 'hub' && s.hubId.trim() !== '') return `hub:${s.hubId.trim()}`;
  return null;
}

/** The query string (with its '?') of a form and a model choice. */
export function settingsQuery(form: RunForm, selection: ModelSelection | null): string {
  const params = new URLSearchParams();
  for (const key of FIELDS) params.set(key, key === 'methods' ? form.methods.join(',') : String(form[key]));
  if (selection) {
    const generator = sourceText(selection.generator);
    if (generator) params.set('generator', generator);
    for (const scorer of selection.scorers) {
      const text = sourceText(scorer.kind === 'classifier' ? scorer.classifier : scorer.reference);
      if (text) params.append(scorer.kind === 'classifier' ? 'reward' : 'reference', text);
    }
    if (selection.device !== 'auto') params.set('device', selection.device);
  }
  return `?${params.toString()}`;
}

/** Models a link names, before the catalog turns them into drafts. */
export interface LinkedModels {
  readonly generator: SourceDraft | null;
  readonly scorers: readonly { readonly kind: 'classifier' | 'implicit-dpo'; readonly source: SourceDraft }[];
}

export interface LinkSettings {
  /** The fields the link set, each read as its field. */
  readonly form: Partial<RunForm>;
  readonly models: LinkedModels;
  /** What could not be read, in words a person can act on. */
  readonly problems: readonly string[];
}

function readSource(text: string, catalog: readonly CatalogEntry[]): SourceDraft | string {
  const [mode, ...rest] = text.split(':');
  const id = rest.join(':').trim();
  if (mode === 'builtin') {
    return catalog.some((e) => e.id === id) ? { mode: 'builtin', builtinId: id, hubId: '', folder: null } : `there is no built-in model "${id}"`;
  }
  if (mode === 'hub') return /^[\w.-]+\/[\w.-]+$/.test(id) ? { mode: 'hub', builtinId: '', hubId: id, folder: null } : `"${id}" is not a hub id (owner/name)`;
  return 'write builtin:<id> or hub:<owner/name>';
}

/** Reads a query string over `base` (the form the page starts with). Unknown parameters are named too. */
export function readSettingsQuery(search: string, base: RunForm, catalog: readonly CatalogEntry[]): LinkSettings {
  const params = new URLSearchParams(search);
  const form: Partial<Record<keyof RunForm, unknown>> = {};
  const problems: string[] = [];
  for (const key of FIELDS) {
    const value = params.get(key);
    if (value === null) continue;
    if (key === 'methods') {
      const names = value.split(',').map((m) => m.trim()).filter(Boolean);
      const unknown = names.filter((m) => !(IMPLEMENTED_METHODS as readonly string[]).includes(m));
      if (names.length === 0 || unknown.length > 0) {
        problems.push(`methods=${value}: choose from ${IMPLEMENTED_METHODS.join(', ')} (${IMPLEMENTED_METHODS.map((m) => METHOD_LABELS[m]).join(', ')}); kept ${base.methods.join(',')}.`);
      } else {
        form.methods = [...new Set(names as MethodId[])];
      }
      continue;
    }
    const choices: readonly string[] | undefined = isChoiceField(key) ? FORM_CHOICES[key] : undefined;
    if (choices && !choices.includes(value)) {
      problems.push(`${key}=${value}: must be one of ${choices.join(', ')}; kept ${String(base[key])}.`);
      continue;
    }
    // A field reads when the form's own check has nothing to say about it (every other field as at the start).
    const check = checkRunForm({ ...base, [key]: value });
    const complaint = check.ok ? undefined : check.errors[key];
    if (complaint) problems.push(`${key}=${value}: ${complaint} Kept ${String(base[key]) || '(empty)'}.`);
    else form[key] = value;
  }
  const models = readModels(params, catalog, problems);
  for (const key of new Set(params.keys())) {
    if (!(FIELDS as readonly string[]).includes(key) && !OTHER_KEYS.has(key)) problems.push(`"${key}" is not a setting this page knows; left out.`);
  }
  return { form: form as Partial<RunForm>, models, problems };
}

function readModels(params: URLSearchParams, catalog: readonly CatalogEntry[], problems: string[]): LinkedModels {
  let generator: SourceDraft | null = null;
  const generatorText = params.get('generator');
  if (generatorText !== null) {
    const read = readSource(generatorText, catalog);
    if (typeof read === 'string') problems.push(`generator=${generatorText}: ${read}; kept the default generator.`);
    else generator = read;
  }
  const scorers: { kind: 'classifier' | 'implicit-dpo'; source: SourceDraft }[] = [];
  for (const [key, kind] of [['reward', 'classifier'], ['reference', 'implicit-dpo']] as const) {
    for (const text of params.getAll(key)) {
      const read = readSource(text, catalog);
      if (typeof read === 'string') problems.push(`${key}=${text}: ${read}; left out.`);
      else scorers.push({ kind, source: read });
    }
  }
  return { generator, scorers };
}

/** The model choice a link names, over `base`; scorers replace the base's when the link names any. */
export function withLinkedModels(base: ModelSelection, models: LinkedModels): ModelSelection {
  const template = base.scorers[0];
  const scorers = template && models.scorers.length > 0
    ? models.scorers.map((s, key) => ({
      key, kind: s.kind,
      classifier: s.kind === 'classifier' ? s.source : template.classifier,
      reference: s.kind === 'implicit-dpo' ? s.source : template.reference,
    }))
    : base.scorers;
  return { ...base, generator: models.generator ?? base.generator, scorers };
}
