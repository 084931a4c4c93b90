// Settings of the page's address that could not be read: said once, at the top, with what was kept instead.
import { useController } from '../engine/controller-context.ts';
import { useStore } from '../state/store.ts';

export function LinkNotice() {
  const controller = useController();
  const problems = useStore(controller.linkProblems, (p) => p);
  if (problems.length === 0) return null;
  return (
    <section className="panel link-notice" role="status" data-testid="link-notice" aria-label="Settings from the link">
      <p>Some settings in this page&apos;s address could not be used; the defaults stand in for them:</p>
      <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
      <button type="button" onClick={() => controller.linkProblems.set([])}>Dismiss</button>
    </section>
  );
}
