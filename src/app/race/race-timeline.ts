// The race: a run's methods on one clock. The engine runs them one after another; each method's events
// carry the time since the run started, so each method's own start is taken as 0 and the lanes are shown
// as they were the same time after their starts. A method's race ends when it has its answer (its final
// scoring): Best-of-N's prefix scores, recorded after it for the analysis, are not part of its run.
import type { CombineConfig } from '../../core/config.ts';
import type { MethodId, RunEvent, RunEventOf } from '../../core/events.ts';
import { applyEvents, startRunState, emptyRunState, type RunState } from '../state/run-state.ts';

export interface RaceTrack {
  readonly method: MethodId;
  /** The method's events after its run-start, in order. */
  readonly events: readonly RunEvent[];
  /** When each event happened, ms since the method's start (never decreasing). */
  readonly at: readonly number[];
  /** When it had its answer (or its last event), ms since its start. */
  readonly finish: number;
}

export interface RaceTimeline {
  readonly combine: CombineConfig | null;
  /** Each method's run-start, in the log's order (the lanes' order). */
  readonly starts: readonly RunEventOf<'run-start'>[];
  readonly tracks: readonly RaceTrack[];
  /** The last finish. */
  readonly duration: number;
}

export function raceTimeline(events: readonly RunEvent[], combine: CombineConfig | null): RaceTimeline {
  const starts = new Map<MethodId, RunEventOf<'run-start'>>();
  const own = new Map<MethodId, RunEvent[]>();
  for (const e of events) {
    // A method started again replaces its earlier run, as in the store.
    if (e.type === 'run-start') {
      starts.delete(e.method);
      starts.set(e.method, e);
      own.set(e.method, []);
    } else {
      own.get(e.method)?.push(e);
    }
  }
  const tracks = [...starts.values()].map((start): RaceTrack => {
    const list = own.get(start.method) ?? [];
    const finalIndex = list.findIndex((e) => e.type === 'final');
    const at: number[] = [];
    let last = 0;
    list.forEach((e, i) => {
      const t = finalIndex >= 0 && i > finalIndex ? at[finalIndex]! : Math.max(last, e.t - start.t);
      at.push(t);
      last = t;
    });
    return { method: start.method, events: list, at, finish: at.at(-1) ?? 0 };
  });
  return { combine, starts: [...starts.values()], tracks, duration: Math.max(0, ...tracks.map((t) => t.finish)) };
}

/**
 * The run's state at a time on the race clock. Moving forward applies only the events in between (one
 * reducer call per move, however many lanes), so playing the race costs what the run cost to show;
 * moving back starts again from the run-starts.
 */
export class RaceCursor {
  private state: RunState = emptyRunState;
  private time = 0;
  private next: number[] = [];

  constructor(readonly timeline: RaceTimeline) {
    this.rewind();
  }

  private rewind(): void {
    const base = this.timeline.combine ? startRunState(this.timeline.combine) : emptyRunState;
    this.state = applyEvents(base, this.timeline.starts);
    this.time = -1;
    this.next = this.timeline.tracks.map(() => 0);
  }

  stateAt(time: number): RunState {
    if (time < this.time) this.rewind();
    const batch: RunEvent[] = [];
    this.timeline.tracks.forEach((track, i) => {
      let k = this.next[i]!;
      while (k < track.events.length && track.at[k]! <= time) batch.push(track.events[k++]!);
      this.next[i] = k;
    });
    this.time = time;
    if (batch.length > 0) this.state = applyEvents(this.state, batch);
    return this.state;
  }
}

/** Methods in the order they had their answers. */
export function finishOrder(timeline: Pick<RaceTimeline, 'tracks'>): RaceTrack[] {
  return [...timeline.tracks].sort((a, b) => a.finish - b.finish);
}

/**
 * Each lane's finish on the race clock, read off the store without the log: the reducer keeps when each
 * lane had its answer (its final scoring) and its last event, both since the lane's start, as the timeline does.
 */
export function laneFinishes(state: RunState): { readonly method: MethodId; readonly finish: number }[] {
  return state.methods
    .flatMap((m) => {
      const lane = state.lanes[m];
      return lane ? [{ method: m, finish: lane.finalAt?.t ?? lane.lastT }] : [];
    })
    .sort((a, b) => a.finish - b.finish);
}
