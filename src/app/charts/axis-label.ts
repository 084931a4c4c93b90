import type { XAxisKind } from './series.ts';

export function axisLabel(axis: XAxisKind): string {
  return axis === 'tokens' ? 'tokens decoded' : 'seconds';
}
