// Speculative Rejection's first batch: the two comparisons the paper makes, one switch.
import { Term } from '../glossary/Term.tsx';
import type { RunForm } from './run-form.ts';

interface Props {
  readonly start: RunForm['sprStart'];
  readonly maxStart: string;
  readonly error: string | undefined;
  readonly disabled: boolean;
  readonly onStart: (start: RunForm['sprStart']) => void;
  readonly onMaxStart: (text: string) => void;
}

export function SprStartChoice({ start, maxStart, error, disabled, onStart, onMaxStart }: Props) {
  return (
    <fieldset className={error ? 'spr-start invalid' : 'spr-start'} data-testid="spr-start">
      <legend>Speculative Rejection starts with</legend>
      <label>
        <input type="radio" name="spr-start" value="n" checked={start === 'n'} disabled={disabled} onChange={() => onStart('n')} />
        <b><Term id="same-n">Same N</Term></b>: Best-of-N&apos;s N candidates. <span className="muted">Does it save compute?</span>
      </label>
      <label>
        <input type="radio" name="spr-start" value="memory" checked={start === 'memory'} disabled={disabled} onChange={() => onStart('memory')} />
        <b><Term id="same-memory">Same memory</Term></b> (<Term id="the-paper">the paper</Term>): as many as the KV budget holds.{' '}
        <span className="muted">What does the same GPU buy?</span>
      </label>
      <label className="spr-max-start">
        at most{' '}
        <input
          type="text" inputMode="numeric" name="sprMaxStart" aria-label="Most candidates Speculative Rejection starts" value={maxStart}
          disabled={disabled || start !== 'memory'} aria-invalid={Boolean(error)} onChange={(e) => onMaxStart(e.target.value)}
        />
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}
