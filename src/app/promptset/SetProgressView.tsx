// The set's progress: prompts done, tokens per second and the time left at this page's pace.
import { formatCount, formatDuration } from '../format.ts';
import { setProgress, type OpenSet } from './set-state.ts';

export function SetProgressView({ set }: { readonly set: OpenSet }) {
  const p = setProgress(set);
  const running = set.status === 'running' || set.status === 'stopping';
  return (
    <div className="set-progress" data-testid="set-progress" data-finished={p.finished} data-settled={p.settled} data-total={p.total}>
      <progress data-testid="set-progress-bar" value={p.settled} max={p.total} aria-label="Prompts done" />
      <div className="note">
        {p.finished} of {p.total} prompts done
        {running && set.current !== null && <> · running prompt {set.current + 1}</>}
        {running && p.tokensPerSecond !== null && <> · {formatCount(p.tokensPerSecond)} tokens/s</>}
        {running && p.msLeft !== null && <> · about {formatDuration(p.msLeft)} left</>}
        {set.status === 'stopping' && <> · stopping…</>}
        {set.status === 'stopped' && p.settled < p.total && <> · stopped: Resume runs the {p.total - p.settled} left</>}
      </div>
    </div>
  );
}
