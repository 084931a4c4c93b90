// Errors are always shown with what to do next: never an endless "loading".
import { useController, useSession } from '../engine/controller-context.ts';
import { DEFAULT_HINTS, ERROR_TITLES } from './error-text.ts';

export function ErrorPanel() {
  const controller = useController();
  const shown = useSession((s) => s.error);
  if (!shown) return null;
  const { error, context } = shown;
  const hint = error.hint ?? DEFAULT_HINTS[error.code];
  return (
    <div className="error-panel" role="alert" data-testid="error-panel" data-code={error.code}>
      <strong>{ERROR_TITLES[error.code]}</strong>
      <p>{error.message}</p>
      {hint && <p className="hint">What to do: {hint}</p>}
      <div className="buttons">
        {context === 'run' && <button onClick={() => void controller.reset()}>Reset engine</button>}
        <button onClick={controller.dismissError}>Dismiss</button>
      </div>
    </div>
  );
}
