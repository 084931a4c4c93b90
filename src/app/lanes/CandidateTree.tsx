// The candidate tree of one method as SVG. The layout is a pure function of the lane's events;
// this component only draws it. Rejected branches fade (a CSS transition, off under reduced motion).
import { memo, useMemo } from 'react';
import type { CombineConfig } from '../../core/config.ts';
import { formatReward } from '../format.ts';
import type { LaneState } from '../state/run-state.ts';
import { defaultTreeOptions, layoutTree, type BranchLayout } from '../tree/tree-layout.ts';
import { branchTooltip } from './scorer-text.ts';

interface Props {
  readonly lane: LaneState;
  readonly selected: number | null;
  readonly onSelect: (id: number) => void;
  /** Scorer names in the run's order, for the hover text (stable reference). */
  readonly scorerNames: readonly string[];
  readonly combine: CombineConfig | null;
}

interface BranchProps {
  readonly b: BranchLayout;
  readonly selected: boolean;
  readonly showLabel: boolean;
  readonly strokeWidth: number;
  readonly tooltip: string;
  readonly onSelect: (id: number) => void;
}

/** Compared by value: with N = 128 only the branches that grew or changed state redraw. */
const Branch = memo(function Branch({ b, selected, showLabel, strokeWidth, tooltip, onSelect }: BranchProps) {
  const className = ['branch', b.status, b.winner ? 'winner' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <g className={className} data-status={b.status} data-testid="branch" onClick={() => onSelect(b.id)}>
      <line className="link" x1={b.x0} x2={b.x0} y1={b.parentY} y2={b.y} />
      <line className="stroke" x1={b.x0} x2={Math.max(b.x1, b.x0 + 1)} y1={b.y} y2={b.y} style={{ strokeWidth }} />
      <line className="hit" x1={b.x0} x2={Math.max(b.x1, b.x0 + 8)} y1={b.y} y2={b.y}>
        <title>{tooltip}</title>
      </line>
      {showLabel && <text className="reward-label" x={b.x1 + 4} y={b.y + 4}>{b.winner ? `★ ${formatReward(b.reward)}` : formatReward(b.reward)}</text>}
    </g>
  );
}, (a, b) => a.selected === b.selected && a.showLabel === b.showLabel && a.strokeWidth === b.strokeWidth && a.onSelect === b.onSelect
  && a.tooltip === b.tooltip && sameBranch(a.b, b.b));

function sameBranch(a: BranchLayout, b: BranchLayout): boolean {
  return a.id === b.id && a.x0 === b.x0 && a.x1 === b.x1 && a.y === b.y && a.parentY === b.parentY && a.status === b.status && a.winner === b.winner && a.reward === b.reward;
}

export const CandidateTree = memo(function CandidateTree({ lane, selected, onSelect, scorerNames, combine }: Props) {
  const layout = useMemo(() => layoutTree(lane, defaultTreeOptions), [lane]);
  const bottom = layout.height - 6;
  return (
    <svg
      className="candidate-tree" viewBox={`0 0 ${layout.width} ${layout.height}`} width="100%" role="img" data-testid="candidate-tree"
      aria-label={`${layout.branches.length} candidates; ${layout.branches.filter((b) => b.status === 'rejected').length} cut at decision points`}
    >
      {layout.bands.map((band) => (
        <g key={`band-${band.batch}`} className="band">
          <rect x={0} y={band.y0} width={layout.width} height={Math.max(1, band.y1 - band.y0)} />
          <text x={layout.width - 4} y={band.y0 + 11} textAnchor="end">{band.label}</text>
        </g>
      ))}
      {layout.decisions.map((d) => (
        <g key={`decision-${d.round}`} className="decision-mark" data-testid="decision-mark">
          <line x1={d.x} x2={d.x} y1={d.labelY + 2} y2={bottom - 10} />
          <text x={d.x + 3} y={d.labelY}>{d.label}</text>
        </g>
      ))}
      <g className="axis">
        {layout.ticks.map((t) => <text key={t.label} x={t.x} y={bottom} textAnchor="middle">{t.label}</text>)}
        <text x={layout.width - 4} y={bottom} textAnchor="end">tokens</text>
      </g>
      {layout.branches.map((b) => (
        <Branch
          key={b.id} b={b} selected={b.id === selected} showLabel={(layout.showLabels || b.winner) && (b.status === 'rejected' || b.winner)}
          strokeWidth={Math.max(1, Math.min(4, layout.rowHeight * 0.6))} onSelect={onSelect}
          tooltip={branchTooltip(lane.candidates.get(b.id), b.id, b.status, b.reward, scorerNames, combine)}
        />
      ))}
    </svg>
  );
});
