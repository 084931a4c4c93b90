// What the tree's colours mean, in the method's words. The winner is gold whether or not it is the
// selected candidate (a caret marks the selection); a complete answer outranked at a later decision is
// joined to that decision's line by a dotted trail.
import type { MethodId } from '../../core/events.ts';
import { Term } from '../glossary/Term.tsx';

export function TreeLegend({ method }: { readonly method: MethodId }) {
  const tree = method === 'treebon';
  return (
    <ul className="tree-legend" aria-label="Legend">
      <li><span className="swatch alive" /> writing</li>
      <li><span className="swatch finished" /> complete</li>
      {tree ? <li><span className="swatch branched" /> parent (its children continue it)</li> : null}
      <li>
        <span className="swatch rejected" /> {tree ? <>not chosen as a parent (its <Term id="partial-reward">partial score</Term>)</> : <>cut at a <Term id="decision-point">decision</Term> (its <Term id="partial-reward">partial reward</Term>)</>}
      </li>
      {method !== 'bon' && (
        <li><span className="swatch held" /> {tree ? 'complete, not chosen at a later layer\'s end' : 'complete, then outranked at a later decision'}</li>
      )}
      <li><span className="swatch winner" /> winner (selected or not)</li>
      <li><span className="caret" aria-hidden="true">▶</span> selected</li>
      {method === 'bon' && <li><span className="swatch queued" /> waiting for memory (<Term id="sequential-batches">next batch</Term>)</li>}
    </ul>
  );
}
