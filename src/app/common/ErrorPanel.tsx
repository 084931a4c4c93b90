// Errors are always shown with what to do next, never an endless "loading", and where the user is:
// each screen places this panel next to its action (Load, Run), and it scrolls itself into view and is
// announced (role=alert) when it appears.
import { useEffect, useRef } from 'react';
import { useController, useSession } from '../engine/controller-context.ts';
import { DEFAULT_HINTS, ERROR_TITLES } from './error-text.ts';

export function ErrorPanel() {
  const controller = useController();
  const shown = useSession((s) => s.error);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const panel = ref.current;
    if (!shown || !panel) return;
    const { top, bottom } = panel.getBoundingClientRect();
    // Centred, so the action it is about (just above) shows too; left alone when already in view.
    if (top < 0 || bottom > window.innerHeight) panel.scrollIntoView({ block: 'center' });
  }, [shown]);
  if (!shown) return null;
  const { error, context } = shown;
  const hint = error.hint ?? DEFAULT_HINTS[error.code];
  return (
    <div ref={ref} className="error-panel" role="alert" data-testid="error-panel" data-code={error.code} data-context={context}>
      <strong>{ERROR_TITLES[error.code]}</strong>
      <p>{error.message}</p>
      {hint && <p className="hint">What to do: {hint}</p>}
      <div className="buttons">
        {context === 'engine' && <button onClick={controller.retryEngine} data-testid="retry-engine">Retry</button>}
        {context === 'run' && <button onClick={() => void controller.reset()}>Reset engine</button>}
        <button onClick={controller.dismissError}>Dismiss</button>
      </div>
    </div>
  );
}
