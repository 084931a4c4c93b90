// One colour per method, used by the trees, the charts and the result table alike.
import type { MethodId } from '../core/events.ts';

export const METHOD_COLORS: Readonly<Record<MethodId, string>> = {
  bon: '#1f5fbf',
  spr: '#c2410c',
  treebon: '#2b7a3e',
};
