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
 * Child slots per parent, in the parents' order. Without a UCB constant every parent gets
 * slots / parents. With constant c, slots go one at a time to the parent maximising
 * mean + c sqrt(ln n_total / n_parent), where n counts the parent's own visit plus the slots it
 * already got in this layer (a batched UCB: virtual visits stand in for the results not yet seen).
 */
export function allocateChildren(parents: readonly ParentStats[], slots: number, ucb: number | null): number[] {
  if (parents.length === 0) return [];
  if (ucb === null) {
    const even = Math.floor(slots / parents.length);
    const extra = slots - even * parents.length;
    return parents.map((_, i) => even + (i < extra ? 1 : 0));
  }
  const given = parents.map(() => 0);
  for (let slot = 0; slot < slots; slot++) {
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
