// The reward section: one or more scorers, each a reward model or the implicit DPO reward, each from
// the built-ins, the hub or a folder; add and remove them freely (at least one stays).
import { referenceCandidates, type CatalogEntry } from '../models/catalog.ts';
import { addScorer, removeScorer, replaceScorer, scorerRole, type ScorerDraft, type ScorerKind } from '../models/scorer-drafts.ts';
import { SourcePicker } from './SourcePicker.tsx';

interface Props {
  readonly scorers: readonly ScorerDraft[];
  readonly catalog: readonly CatalogEntry[];
  /** The built-in generator's id, for its base model; null for a hub or folder generator. */
  readonly generatorId: string | null;
  readonly onChange: (scorers: ScorerDraft[]) => void;
}

const KINDS: readonly { value: ScorerKind; label: React.ReactNode }[] = [
  { value: 'classifier', label: 'A reward model (text classification)' },
  { value: 'implicit-dpo', label: <>Implicit DPO reward: log π(answer) − log π<sub>base</sub>(answer), against the generator's base model</> },
];

function ScorerCard({ scorer, index, count, catalog, onChange, onRemove }: {
  readonly scorer: ScorerDraft;
  readonly index: number;
  readonly count: number;
  readonly catalog: readonly CatalogEntry[];
  readonly onChange: (next: ScorerDraft) => void;
  readonly onRemove: () => void;
}) {
  const role = scorerRole(scorer, index, count);
  return (
    <div className="scorer" data-testid={`scorer-${index + 1}`}>
      <div className="scorer-head">
        <b>Scorer {index + 1}</b>
        <button type="button" onClick={onRemove} disabled={count <= 1} aria-label={`Remove scorer ${index + 1}`}>Remove</button>
      </div>
      <div className="reward-kind" role="radiogroup" aria-label={`Kind of scorer ${index + 1}`}>
        {KINDS.map((k) => (
          <label key={k.value}>
            <input type="radio" name={`scorer-kind-${scorer.key}`} checked={scorer.kind === k.value} onChange={() => onChange({ ...scorer, kind: k.value })} />
            {k.label}
          </label>
        ))}
      </div>
      {scorer.kind === 'classifier' ? (
        <SourcePicker
          legend="Reward model" role={role} testId={`source-scorer-${index + 1}`} draft={scorer.classifier}
          hubPlaceholder="owner/some-reward-model (ONNX, text classification)"
          builtins={catalog.filter((e) => e.kind === 'reward')} onChange={(classifier) => onChange({ ...scorer, classifier })}
        />
      ) : (
        <SourcePicker
          legend="Base (reference) model: the generator before its preference tuning, with the same tokenizer" role={role}
          testId={`source-scorer-${index + 1}`} draft={scorer.reference}
          builtins={referenceCandidates(catalog)} onChange={(reference) => onChange({ ...scorer, reference })}
        />
      )}
    </div>
  );
}

export function ScorerList({ scorers, catalog, generatorId, onChange }: Props) {
  return (
    <fieldset className="scorers">
      <legend>Reward — scores the answers, also half-written ones</legend>
      {scorers.map((s, i) => (
        <ScorerCard
          key={s.key} scorer={s} index={i} count={scorers.length} catalog={catalog}
          onChange={(next) => onChange(replaceScorer(scorers, next))} onRemove={() => onChange(removeScorer(scorers, s.key))}
        />
      ))}
      <button type="button" data-testid="add-scorer" onClick={() => onChange(addScorer(scorers, catalog, generatorId))}>
        + Add a scorer
      </button>
      <p className="note">
        With two or more, each candidate gets every scorer's score; they are combined into the one score that prunes and
        picks (below). All of them run on every candidate, so each adds its cost.
      </p>
    </fieldset>
  );
}
