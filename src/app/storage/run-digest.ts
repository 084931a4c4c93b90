// What the Recent runs list shows of a stored run: read from its event log alone and folded batch by
// batch, so a run in flight keeps its digest up to date without holding or re-reading its log.
import type { MethodId, RunEvent } from '../../core/events.ts';

export interface RunDigest {
  readonly prompt: string;
  /** Methods in the order they started. */
  readonly methods: readonly MethodId[];
  readonly generator: string;
  readonly scorers: readonly string[];
  /** Each ended method's best complete reward (its run-end winner's), null when none completed. */
  readonly best: Readonly<Partial<Record<MethodId, number | null>>>;
  /** Methods that ended stopped (by Stop, or closed after an interruption). */
  readonly stopped: readonly MethodId[];
  /** Methods started and not ended yet. */
  readonly open: readonly MethodId[];
  readonly events: number;
}

export const emptyDigest: RunDigest = { prompt: '', methods: [], generator: '', scorers: [], best: {}, stopped: [], open: [], events: 0 };

export function addToDigest(digest: RunDigest, events: readonly RunEvent[]): RunDigest {
  let next = digest;
  for (const event of events) {
    if (event.type === 'run-start' && !next.methods.includes(event.method)) {
      next = {
        ...next,
        // Every method of a run shares its prompt and models: the first start names them.
        prompt: next.methods.length === 0 ? event.prompt : next.prompt,
        generator: next.methods.length === 0 ? event.generator : next.generator,
        scorers: next.methods.length === 0 ? event.scorers : next.scorers,
        methods: [...next.methods, event.method],
        open: [...next.open, event.method],
      };
    } else if (event.type === 'run-end') {
      next = {
        ...next,
        best: { ...next.best, [event.method]: finiteOrNull(event.winner?.reward) },
        stopped: event.stopped && !next.stopped.includes(event.method) ? [...next.stopped, event.method] : next.stopped,
        open: next.open.filter((m) => m !== event.method),
      };
    }
  }
  return { ...next, events: digest.events + events.length };
}

export const digestRun = (events: readonly RunEvent[]): RunDigest => addToDigest(emptyDigest, events);

/** Rewards may be ±Infinity or NaN; the list shows those as missing. */
function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}
