import { EXAMPLE_PROMPTS } from './example-prompts.ts';
import { Field } from './Field.tsx';

interface Props {
  readonly value: string;
  readonly error?: string | undefined;
  readonly disabled: boolean;
  readonly onChange: (prompt: string) => void;
}

export function PromptField({ value, error, disabled, onChange }: Props) {
  return (
    <div className="prompt-field">
      <Field label="Prompt" error={error}>
        {(id, describedBy) => (
          <textarea
            id={id} name="prompt" rows={2} value={value} disabled={disabled} aria-invalid={Boolean(error)} aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </Field>
      <div className="examples" aria-label="Example prompts">
        {EXAMPLE_PROMPTS.map((p) => (
          <button key={p.title} type="button" className="chip" disabled={disabled} onClick={() => onChange(p.prompt)} title={p.prompt}>
            {p.title}
          </button>
        ))}
      </div>
    </div>
  );
}
