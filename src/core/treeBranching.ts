// TreeBoN's shape: where the layers end, and how a layer's child slots are shared among its parents.

/** Response length at the end of each layer: l_max split into `layers` near-equal segments. */
export function layerEnds(maxNewTokens: number, layers: number): number[] {
  return Array.from({ length: layers }, (_, i) => Math.round((maxNewTokens * (i + 1)) / layers));
}

export interface ParentStats {
  readonly id: number;
  /** Mean partial reward along the parent's path (its own score and its ancestors'). */
  readonly meanReward: number;
}

/**
 * Child slots per parent, in the parents' order; they always sum to `slots`.
 *
 * Without a UCB constant every parent gets slots / parents (the first ones one more when it does not
 * divide). With constant c, every parent first gets `floor` slots (capped at what the slots allow,
 * so the sum holds), then the rest go one at a time to the parent maximising
 * mean + c sqrt(ln n_total / n_parent), where n_parent counts the parent's own visit plus the slots
 * it already got in this layer and n_total is their sum over the parents (a batched UCB: virtual
 * visits stand in for the rewards not yet seen).
 */
export function allocateChildren(parents: readonly ParentStats[], slots: number, ucb: number | null, floor = 1): number[] {
  if (parents.length === 0) return [];
  if (ucb === null) {
    const even = Math.floor(slots / parents.length);
    const extra = slots - even * parents.length;
    return parents.map((_, i) => even + (i < extra ? 1 : 0));
  }
  const guaranteed = Math.max(0, Math.min(floor, Math.floor(slots / parents.length)));
  const given = parents.map(() => guaranteed);
  for (let slot = guaranteed * parents.length; slot < slots; slot++) {
    const total = parents.length + slot;
    let best = 0;
    let bestValue = -Infinity;
    parents.forEach((p, i) => {
      const value = p.meanReward + ucb * Math.sqrt(Math.log(total) / (1 + given[i]!));
      // Strictly greater: ties go to the earlier (better-ranked) parent.
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    });
    given[best]!++;
  }
  return given;
}
