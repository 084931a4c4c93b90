// TreeBoN's decoded tokens, accounted from its event log: every layer has N slots of the layer's
// length, so the budget is Best-of-N's N x l_max, and what is not decoded is left unused by early
// stops (the rest of a layer after a stop token, and a slot a finished response holds, or that no
// parent was left to fill). The engine meters decoded tokens independently, step by step; the two
// agree exactly (the tests check it), which is how the run's figures can say TreeBoN spends what
// Best-of-N spends.
import type { RunEvent, RunEventOf } from './events.ts';

export interface TreeBoNTokenAccount {
  /** N x max new tokens: what Best-of-N decodes when no response stops early. */
  readonly budget: number;
  /** Tokens after a stop token, to the end of the candidate's layer. */
  readonly afterStops: number;
  /** Layer tokens of slots no growing candidate held (a finished response's, or none left to branch). */
  readonly emptySlots: number;
  /** budget - afterStops - emptySlots: what the engine must have decoded. */
  readonly decoded: number;
  /** Candidates in each layer (N minus the slots held by finished responses). */
  readonly layerSizes: readonly number[];
}

/** The account of the TreeBoN run in `events` (other methods' events are ignored); null if it has none. */
export function treeBoNTokenAccount(events: readonly RunEvent[]): TreeBoNTokenAccount | null {
  const own = events.filter((e) => e.method === 'treebon');
  const start = own.find((e): e is RunEventOf<'run-start'> => e.type === 'run-start');
  if (start === undefined) return null;
  const ends = start.params['layerEnds'];
  if (!Array.isArray(ends)) return null;
  const layerEnd = (layer: number): number => ends[layer] as number;
  const finishedAt = new Map<number, number>();
  const layerOf = new Map<number, number>();
  const layerSizes = ends.map(() => 0);
  for (const e of own) {
    if (e.type === 'finish') finishedAt.set(e.id, e.length);
    if (e.type === 'spawn') {
      for (const c of e.candidates) {
        layerOf.set(c.id, c.batch);
        layerSizes[c.batch] = (layerSizes[c.batch] ?? 0) + 1;
      }
    }
  }
  let afterStops = 0;
  for (const [id, length] of finishedAt) afterStops += layerEnd(layerOf.get(id) ?? 0) - length;
  let emptySlots = 0;
  layerSizes.forEach((size, layer) => {
    emptySlots += (start.n - size) * (layerEnd(layer) - (layer === 0 ? 0 : layerEnd(layer - 1)));
  });
  const budget = start.n * start.maxNewTokens;
  return { budget, afterStops, emptySlots, decoded: budget - afterStops - emptySlots, layerSizes };
}
