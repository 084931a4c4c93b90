// One labelled setting with its help text and, when the value is wrong, why, right next to it.
import { useId, type ReactNode } from 'react';

interface Props {
  readonly label: ReactNode;
  readonly help?: string;
  readonly error?: string | undefined;
  readonly children: (id: string, describedBy: string | undefined) => ReactNode;
}

export function Field({ label, help, error, children }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id, error ? errorId : undefined)}
      {error ? <p className="field-error" id={errorId} role="alert">{error}</p> : help && <p className="help">{help}</p>}
    </div>
  );
}

interface TextSettingProps {
  readonly label: ReactNode;
  readonly help?: string;
  readonly error?: string | undefined;
  readonly value: string;
  readonly name: string;
  readonly disabled?: boolean;
  readonly onChange: (value: string) => void;
}

/** A number typed as text, so an unfinished or wrong value stays visible with its explanation. */
export function NumberSetting({ label, help, error, value, name, disabled, onChange }: TextSettingProps) {
  return (
    <Field label={label} help={help} error={error}>
      {(id, describedBy) => (
        <input
          id={id} name={name} type="text" inputMode="decimal" value={value} disabled={disabled} aria-invalid={Boolean(error)}
          aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
