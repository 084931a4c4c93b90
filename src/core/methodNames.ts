// Method names for people, and which methods the engine can run today.
import type { MethodId } from './events.ts';

export const METHOD_LABELS: Readonly<Record<MethodId, string>> = {
  bon: 'Best-of-N',
  spr: 'Speculative Rejection',
  treebon: 'TreeBoN',
};

/** TreeBoN has its place in the event format and the config, and joins this list when its runner lands. */
export const IMPLEMENTED_METHODS: readonly MethodId[] = ['bon', 'spr'];
