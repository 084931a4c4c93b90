import { ErrorPanel } from '../common/ErrorPanel.tsx';
import type { Phase } from '../state/session.ts';

interface Props {
  readonly phase: Phase;
  readonly canRun: boolean;
  readonly onRun: () => void;
  readonly onStop: () => void;
  readonly onReset: () => void;
}

export function RunControls({ phase, canRun, onRun, onStop, onReset }: Props) {
  const running = phase === 'running' || phase === 'stopping';
  return (
    <>
      <div className="run-controls">
        <button className="primary" data-testid="run-button" disabled={!canRun || running} onClick={onRun}>Run</button>
        <button data-testid="stop-button" disabled={phase !== 'running'} onClick={onStop} title="Stop between two steps; what was produced stays on screen">
          {phase === 'stopping' ? 'Stopping…' : 'Stop'}
        </button>
        <button data-testid="reset-button" onClick={onReset} title="Restart the engine (frees GPU memory), clear the results and load the models again">
          Reset
        </button>
        <span className="status-line" role="status" data-testid="run-status">
          {phase === 'running' ? 'Running…' : phase === 'stopping' ? 'Stopping after the current step…' : ''}
        </span>
      </div>
      {/* The workspace's errors (a run's, the engine's) right under the buttons that caused them. */}
      <ErrorPanel />
    </>
  );
}
