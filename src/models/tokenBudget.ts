// Packing sequences into batches under a token budget: padded size (rows x longest row) stays under
// the budget, and sorting by length first keeps the padding small.

/**
 * Batches of indices into `lengths`, shortest sequences first. A sequence longer than the budget
 * gets a batch of its own (it has to run somehow).
 */
export function packByTokenBudget(lengths: readonly number[], budget: number): number[][] {
  if (!(budget > 0)) throw new Error(`token budget must be positive, got ${budget}`);
  const order = lengths.map((_, i) => i).sort((a, b) => (lengths[a] as number) - (lengths[b] as number) || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  for (const index of order) {
    // Sorted ascending: the newcomer is the longest row, so it sets the padded width.
    const width = lengths[index] as number;
    if (current.length > 0 && (current.length + 1) * width > budget) {
      batches.push(current);
      current = [];
    }
    current.push(index);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
