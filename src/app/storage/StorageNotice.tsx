// What the browser did not keep, pinned to the bottom of the view so it is seen on any screen and at any
// scroll, announced, and out of the way of running (nothing waits for it).
import { useController } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';

export function StorageNotice() {
  const controller = useController();
  const problem = useStore(controller.archive.state, (s) => s.problem);
  if (!problem) return null;
  return (
    <div className="storage-notice" role="alert" data-testid="storage-problem" data-kind={problem.kind}>
      <p>{problem.message}</p>
      <button type="button" onClick={controller.archive.dismissProblem}>Dismiss</button>
    </div>
  );
}
