// One lane per method, side by side (stacked on a narrow screen); any method the engine runs gets a
// lane (TreeBoN included). The methods run one after another: while a run is in flight, the methods it
// has not reached yet hold their column with a waiting lane, so the lanes do not reflow as each starts.
import type { CSSProperties } from 'react';
import { METHOD_LABELS } from '../../core/methodNames.ts';
import type { MethodId } from '../../core/events.ts';
import { useController, useRun, useSession } from '../engine/controller-context.ts';
import { METHOD_COLORS } from '../method-style.ts';
import { useStore } from '../state/store.ts';
import { MethodLane } from './MethodLane.tsx';

export function Lanes() {
  const methods = useRun((s) => s.methods);
  const controller = useController();
  const planned = useStore(controller.form, (f) => f.methods);
  const running = useSession((s) => s.phase === 'running' || s.phase === 'stopping');
  const shown: MethodId[] = running ? [...methods, ...planned.filter((m) => !methods.includes(m))] : [...methods];
  if (shown.length === 0) {
    return (
      <section className="lanes empty" aria-label="Candidate trees">
        <p>Press <b>Run</b>: each method's candidates appear here as branches that grow while they are written.</p>
      </section>
    );
  }
  return (
    <section className="lanes" aria-label="Candidate trees" style={{ '--lanes': shown.length } as CSSProperties}>
      {shown.map((m) => (methods.includes(m) ? <MethodLane key={m} method={m} /> : <WaitingLane key={m} method={m} />))}
    </section>
  );
}

function WaitingLane({ method }: { readonly method: MethodId }) {
  return (
    <article className="lane pending" data-testid="waiting-lane" data-method={method} style={{ borderTopColor: METHOD_COLORS[method] }}>
      <h3 style={{ color: METHOD_COLORS[method] }}>{METHOD_LABELS[method]}</h3>
      <p className="lane-status">waiting: the methods run one after another, each with the machine to itself.</p>
    </article>
  );
}
