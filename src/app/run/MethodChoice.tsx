import type { MethodId } from '../../core/events.ts';
import { IMPLEMENTED_METHODS, METHOD_LABELS } from '../../core/methodNames.ts';
import { METHOD_COLORS } from '../method-style.ts';

const ALL_METHODS = Object.keys(METHOD_LABELS) as MethodId[];

interface Props {
  readonly value: readonly MethodId[];
  readonly error?: string | undefined;
  readonly disabled: boolean;
  readonly onChange: (methods: MethodId[]) => void;
}

export function MethodChoice({ value, error, disabled, onChange }: Props) {
  const toggle = (method: MethodId) => {
    const next = value.includes(method) ? value.filter((m) => m !== method) : [...value, method];
    onChange(ALL_METHODS.filter((m) => next.includes(m)));
  };
  return (
    <fieldset className={error ? 'methods invalid' : 'methods'}>
      <legend>Methods (same prompt, seed and budget)</legend>
      {ALL_METHODS.map((m) => (
        <label key={m} style={{ borderColor: METHOD_COLORS[m] }}>
          <input type="checkbox" name={`method-${m}`} checked={value.includes(m)} disabled={disabled || !IMPLEMENTED_METHODS.includes(m)} onChange={() => toggle(m)} />
          {METHOD_LABELS[m]}
        </label>
      ))}
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}
