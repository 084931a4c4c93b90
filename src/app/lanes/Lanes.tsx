// One lane per method, side by side; any method the engine runs gets a lane (TreeBoN included).
import { useRun } from '../engine/controller-context.ts';
import { MethodLane } from './MethodLane.tsx';

export function Lanes() {
  const methods = useRun((s) => s.methods);
  if (methods.length === 0) {
    return (
      <section className="lanes empty" aria-label="Candidate trees">
        <p>Press <b>Run</b>: each method's candidates appear here as branches that grow while they are written.</p>
      </section>
    );
  }
  return (
    <section className="lanes" aria-label="Candidate trees" style={{ gridTemplateColumns: `repeat(${methods.length}, minmax(0, 1fr))` }}>
      {methods.map((m) => <MethodLane key={m} method={m} />)}
    </section>
  );
}
