// TreeBoN's settings in words, so the numbers typed can be read as the tree they make.
import { layerEnds } from '../../core/treeBranching.ts';
import type { RunForm } from './run-form.ts';

/**
 * "16 roots, then per layer the best 4 become parents of up to 16 new branches (4 each); layers end at
 * 12, 24, 36 and 48 tokens", or null when the numbers make no tree. "Up to": a finished answer ranked
 * among the parents keeps its slot instead of branching.
 */
export function treeShape(form: RunForm): string | null {
  const n = Number(form.n);
  const children = Number(form.treebonChildren);
  const layers = Number(form.treebonLayers);
  const maxNewTokens = Number(form.maxNewTokens);
  if (![n, children, layers, maxNewTokens].every((v) => Number.isInteger(v) && v >= 1) || children > n || layers > maxNewTokens) return null;
  const ends = layerEnds(maxNewTokens, layers);
  const parents = Math.max(1, Math.floor(n / children));
  const list = ends.length > 1 ? `${ends.slice(0, -1).join(', ')} and ${ends.at(-1)}` : String(ends[0]);
  return `${n} roots, then per layer the best ${parents} become parents of up to ${n} new branches` +
    `${form.ucbMode === 'on' ? ' (shared by UCB)' : ` (${children} each)`}; layers end at ${list} tokens.`;
}
