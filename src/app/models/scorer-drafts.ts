// The reward section of the start screen: a list of one or more scorers, each a text-classification
// reward model or the implicit DPO reward against a base model, each from the built-ins, the hub or a
// folder. Both sources are kept per scorer, so switching its kind back and forth loses nothing.
import type { RewardSpec } from '../../worker/api.ts';
import { defaultRewardModel, referenceFor, type CatalogEntry } from './catalog.ts';
import { draft, HUB_REFERENCE, toSource, type SourceDraft } from './source-draft.ts';

export type ScorerKind = RewardSpec['kind'];

export interface ScorerDraft {
  /** Stable identity in the list (React key, removal); never reused within a list. */
  readonly key: number;
  readonly kind: ScorerKind;
  /** The text-classification reward model, when kind is 'classifier'. */
  readonly classifier: SourceDraft;
  /** The generator's base model, when kind is 'implicit-dpo'. */
  readonly reference: SourceDraft;
}

/** A scorer of `kind`, its sources defaulting to the built-ins that fit (`classifierId` if given). */
export function newScorer(
  catalog: readonly CatalogEntry[], generatorId: string | null, kind: ScorerKind, key: number, classifierId?: string,
): ScorerDraft {
  const classifier = classifierId ?? defaultRewardModel(catalog)?.id;
  const reference = generatorId === null ? null : referenceFor(catalog, generatorId);
  return {
    key,
    kind,
    classifier: draft(classifier ? 'builtin' : 'hub', classifier ?? '', ''),
    reference: draft(reference ? 'builtin' : 'hub', reference?.id ?? '', HUB_REFERENCE),
  };
}

/**
 * Appends a scorer that is not yet in the list when there is one: a built-in reward model not used
 * yet (trained ones first), else the implicit reward when the generator has a built-in base, else a
 * reward model from the hub (its id still to type).
 */
export function addScorer(scorers: readonly ScorerDraft[], catalog: readonly CatalogEntry[], generatorId: string | null): ScorerDraft[] {
  const key = Math.max(-1, ...scorers.map((s) => s.key)) + 1;
  const used = new Set(scorers.filter((s) => s.kind === 'classifier' && s.classifier.mode === 'builtin').map((s) => s.classifier.builtinId));
  const unused = catalog.filter((e) => e.kind === 'reward' && !used.has(e.id));
  const reward = unused.find((e) => !e.random) ?? unused[0];
  if (reward) return [...scorers, newScorer(catalog, generatorId, 'classifier', key, reward.id)];
  const hasImplicit = scorers.some((s) => s.kind === 'implicit-dpo');
  if (!hasImplicit && generatorId !== null && referenceFor(catalog, generatorId)) {
    return [...scorers, newScorer(catalog, generatorId, 'implicit-dpo', key)];
  }
  const fresh = newScorer(catalog, generatorId, 'classifier', key);
  return [...scorers, { ...fresh, classifier: draft('hub', '', '') }];
}

/** Removes a scorer; the last one stays (a run needs at least one). */
export function removeScorer(scorers: readonly ScorerDraft[], key: number): ScorerDraft[] {
  return scorers.length <= 1 ? [...scorers] : scorers.filter((s) => s.key !== key);
}

export function replaceScorer(scorers: readonly ScorerDraft[], next: ScorerDraft): ScorerDraft[] {
  return scorers.map((s) => (s.key === next.key ? next : s));
}

/** The source the scorer's kind uses. */
export function activeSource(s: ScorerDraft): SourceDraft {
  return s.kind === 'implicit-dpo' ? s.reference : s.classifier;
}

/** What a scorer is called in messages: "reward model", or "reward model (scorer 2)" when there are several. */
export function scorerRole(s: ScorerDraft, index: number, count: number): string {
  const word = s.kind === 'implicit-dpo' ? 'reference model' : 'reward model';
  return count > 1 ? `${word} (scorer ${index + 1})` : word;
}

/** The worker's reward specs, or the first thing missing; the same model twice is refused. */
export function toRewardSpecs(scorers: readonly ScorerDraft[]): { ok: true; rewards: RewardSpec[] } | { ok: false; problem: string } {
  if (scorers.length === 0) return { ok: false, problem: 'Add at least one reward model.' };
  const rewards: RewardSpec[] = [];
  const seen = new Map<string, number>();
  for (const [i, s] of scorers.entries()) {
    const checked = toSource(activeSource(s), scorerRole(s, i, scorers.length));
    if (!checked.ok) return checked;
    const source = checked.source;
    const identity = `${s.kind}:${source.kind}:${source.kind === 'files' ? `${source.name}/${source.files.size}` : source.id}`;
    const twin = seen.get(identity);
    if (twin !== undefined) return { ok: false, problem: `Scorers ${twin + 1} and ${i + 1} are the same model: remove one, or pick another.` };
    seen.set(identity, i);
    rewards.push(s.kind === 'implicit-dpo' ? { kind: 'implicit-dpo', reference: source } : { kind: 'classifier', source });
  }
  return { ok: true, rewards };
}
