// Method ids, their names for people, and which methods the engine can run today.

export const METHOD_IDS = ['bon', 'spr', 'treebon'] as const;
export type MethodId = (typeof METHOD_IDS)[number];

export const METHOD_LABELS: Readonly<Record<MethodId, string>> = {
  bon: 'Best-of-N',
  spr: 'Speculative Rejection',
  treebon: 'TreeBoN',
};

/** Methods the engine runs; a method named in the event format but not built yet would be left out here. */
export const IMPLEMENTED_METHODS: readonly MethodId[] = ['bon', 'spr', 'treebon'];
