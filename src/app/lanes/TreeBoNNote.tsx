// What TreeBoN's lane is doing, from its run-start parameters: the layers, how parents are chosen
// and share their children, and what partial score prunes the tree (the implicit DPO reward is
// TreeBoN's own default).
import type { LoadedModels } from '../../worker/api.ts';
import { useSession } from '../engine/controller-context.ts';
import { Term } from '../glossary/Term.tsx';
import type { LaneState } from '../state/run-state.ts';
import { isApproximateSmolPair, SMOLLM_DPO_NOTE } from './dpo-note.ts';

interface Props {
  readonly lane: LaneState;
  readonly scorers: LoadedModels['scorers'];
}

/** "4 layers (ends at 12, 24, 36, 48 tokens); the best 4 of 16 become parents, 4 children each". */
export function treeBoNPlan(lane: LaneState): string | null {
  const start = lane.start;
  if (!start) return null;
  const { children, layers, ucb, ucbFloor, layerEnds } = start.params;
  if (typeof children !== 'number' || typeof layers !== 'number' || !Array.isArray(layerEnds)) return null;
  const parents = Math.max(1, Math.floor(start.n / children));
  const sharing = typeof ucb === 'number'
    ? `children shared by UCB (c = ${ucb}${typeof ucbFloor === 'number' ? `, at least ${ucbFloor} each` : ''})`
    : `${children} children each`;
  return `${layers} layer${layers === 1 ? '' : 's'} (ending at ${layerEnds.join(', ')} tokens); at each layer's end the best ${parents} of ${start.n} become parents, ${sharing}. A complete answer ranked among them keeps its slot (it has no children), so every layer holds N = ${start.n} candidates.`;
}

export function TreeBoNNote({ lane, scorers }: Props) {
  const plan = treeBoNPlan(lane);
  const implicit = scorers.some((s) => s.kind === 'implicit-dpo');
  const generatorId = useSession((s) => s.loaded?.generator.id ?? null);
  const approximate = isApproximateSmolPair(generatorId, scorers);
  return (
    <div className="lane-note" data-testid="treebon-note">
      {plan && <p>{plan}</p>}
      {implicit ? (
        <p data-testid="treebon-implicit">
          Partial score: the <b><Term id="implicit-dpo">implicit DPO reward</Term></b> (weighted log π/π<sub>base</sub> of the answer so far), TreeBoN's
          default partial score{scorers.length > 1 ? ', here combined with the other scorers' : ''}.
        </p>
      ) : (
        <p>Partial score: the loaded scorer{scorers.length > 1 ? 's, combined' : ''}. (TreeBoN's default is the <Term id="implicit-dpo">implicit DPO reward</Term> against the generator's base model.)</p>
      )}
      {approximate && <p data-testid="dpo-approximation">{SMOLLM_DPO_NOTE}</p>}
    </div>
  );
}
