import type { MethodId } from '../../core/events.ts';

export function TreeLegend({ method }: { readonly method: MethodId }) {
  return (
    <ul className="tree-legend" aria-label="Legend">
      <li><span className="swatch alive" /> writing</li>
      <li><span className="swatch finished" /> finished</li>
      {method === 'treebon'
        ? <li><span className="swatch branched" /> parent (its children continue it)</li>
        : null}
      <li>
        <span className="swatch rejected" /> {method === 'treebon' ? 'not chosen as a parent (its partial score)' : 'cut at a decision (its partial reward)'}
      </li>
      <li><span className="swatch winner" /> winner</li>
      {method === 'bon' && <li><span className="swatch queued" /> waiting for memory</li>}
    </ul>
  );
}
