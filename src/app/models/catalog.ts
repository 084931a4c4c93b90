// The app's built-in models, listed in /models/index.json by `npm run models`. They are served with
// the app, so they load with no download from the hub. Entries trained on a corpus become the default
// the moment they appear; random-weight ones are labelled as such.

export type CatalogKind = 'generator' | 'reward' | 'reference';

export interface CatalogEntry {
  readonly id: string;
  readonly label: string;
  readonly kind: CatalogKind;
  readonly description: string;
  readonly bytes: number;
  /** Random weights: good for testing the machinery, not for judging text. */
  readonly random: boolean;
  /** The generator this model is the base of (its reference for the implicit DPO reward), when the index says. */
  readonly referenceFor: string | null;
}

const KINDS: readonly CatalogKind[] = ['generator', 'reward', 'reference'];

/** Reads index.json leniently: malformed entries are skipped, not fatal (the hub and local folders still work). */
export function parseCatalog(json: unknown): CatalogEntry[] {
  const list = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.models) ? json.models : [];
  return list.flatMap((raw: unknown): CatalogEntry[] => {
    if (!isRecord(raw) || typeof raw.id !== 'string' || !KINDS.includes(raw.kind as CatalogKind)) return [];
    const label = typeof raw.label === 'string' ? raw.label : raw.id;
    const description = typeof raw.description === 'string' ? raw.description : '';
    const random = typeof raw.random === 'boolean' ? raw.random
      : typeof raw.trained === 'boolean' ? !raw.trained
      : /\brandom\b/i.test(`${raw.id} ${label} ${description}`);
    const referenceFor = typeof raw.referenceFor === 'string' ? raw.referenceFor : typeof raw.policy === 'string' ? raw.policy : null;
    return [{ id: raw.id, label, kind: raw.kind as CatalogKind, description, bytes: typeof raw.bytes === 'number' ? raw.bytes : 0, random, referenceFor }];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Trained before random; otherwise the index's order. */
function preferTrained(entries: readonly CatalogEntry[]): CatalogEntry | null {
  return entries.find((e) => !e.random) ?? entries[0] ?? null;
}

export function defaultGenerator(catalog: readonly CatalogEntry[]): CatalogEntry | null {
  return preferTrained(catalog.filter((e) => e.kind === 'generator'));
}

/** What can serve as a reference (base) model: reference entries, and generators that are another generator's base. */
export function referenceCandidates(catalog: readonly CatalogEntry[]): CatalogEntry[] {
  return catalog.filter((e) => e.kind === 'reference' || (e.kind === 'generator' && e.referenceFor !== null));
}

/** The reference model that pairs with `generatorId` for the implicit reward, if any. */
export function referenceFor(catalog: readonly CatalogEntry[], generatorId: string): CatalogEntry | null {
  const paired = referenceCandidates(catalog).find((e) => e.referenceFor === generatorId);
  return paired ?? preferTrained(catalog.filter((e) => e.kind === 'reference' && e.referenceFor === null));
}

export function defaultRewardModel(catalog: readonly CatalogEntry[]): CatalogEntry | null {
  return preferTrained(catalog.filter((e) => e.kind === 'reward'));
}

export async function fetchCatalog(url = '/models/index.json'): Promise<CatalogEntry[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return parseCatalog(await response.json());
}
