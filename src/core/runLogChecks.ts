// What a run's events must agree on, beyond each event's shape: each method starts with run-start
// and ends at most once; candidates are spawned before anything names them; lengths fit the run;
// counted totals only grow and add up (each step decodes one token per alive row); the winner is a
// complete response the method reported. A log that contradicts itself is refused, the first bad
// event named, rather than drawn as nonsense. The engine's own logs pass (runFile.test.ts).
import type { MethodId, RunEvent, RunEventOf, RunTotals } from './events.ts';

interface MethodLog {
  readonly start: RunEventOf<'run-start'>;
  readonly spawned: Set<number>;
  readonly finals: Set<number>;
  last: RunTotals | null;
  ended: boolean;
}

const COUNTED = ['decodedTokens', 'prefillTokens', 'rewardTokens', 'steps', 'peakKvBytes'] as const;

/** Why `now` cannot follow `before`, or null. */
function totalsProblem(before: RunTotals | null, now: RunTotals): string | null {
  if (before === null) return null;
  const shrunk = COUNTED.find((key) => now[key] < before[key]);
  return shrunk === undefined ? null : `its ${shrunk} (${now[shrunk]}) is below the ${before[shrunk]} counted before`;
}

function unknownId(log: MethodLog, ids: readonly number[]): string | null {
  const id = ids.find((i) => !log.spawned.has(i));
  return id === undefined ? null : `it names candidate ${id}, which was never spawned`;
}

function tooLong(log: MethodLog, lengths: readonly number[]): string | null {
  const length = lengths.find((l) => l > log.start.maxNewTokens);
  return length === undefined ? null : `a length of ${length} is over the run's ${log.start.maxNewTokens} max new tokens`;
}

/** Why `event` contradicts what came before it in this method's log, or null. */
function eventProblem(log: MethodLog, event: RunEvent): string | null {
  switch (event.type) {
    case 'run-start':
      return 'the method has started already';
    case 'spawn': {
      for (const c of event.candidates) {
        if (log.spawned.has(c.id)) return `candidate ${c.id} is spawned twice`;
        if (c.parent !== null && !log.spawned.has(c.parent)) return `candidate ${c.id}'s parent ${c.parent} was never spawned`;
        if (c.prefixLength > log.start.maxNewTokens) return tooLong(log, [c.prefixLength]);
        log.spawned.add(c.id);
      }
      return null;
    }
    case 'step': {
      if (event.step !== event.totals.steps) return `it is step ${event.step} but counts ${event.totals.steps} steps`;
      const decodedBefore = log.last?.decodedTokens ?? 0;
      if (event.totals.decodedTokens !== decodedBefore + event.alive) {
        return `${event.alive} alive rows after ${decodedBefore} decoded tokens make ${decodedBefore + event.alive}, not ${event.totals.decodedTokens}`;
      }
      if (event.alive > log.spawned.size) return `${event.alive} rows are alive but ${log.spawned.size} candidates were spawned`;
      const problem = totalsProblem(log.last, event.totals);
      log.last = event.totals;
      return problem;
    }
    case 'finish':
      if (event.reason === 'max-length' && event.length !== log.start.maxNewTokens) {
        return `it reached max length at ${event.length} tokens, but the run's max new tokens is ${log.start.maxNewTokens}`;
      }
      return unknownId(log, [event.id]) ?? tooLong(log, [event.length]);
    case 'decision':
      return unknownId(log, event.candidates.map((c) => c.id)) ?? tooLong(log, [event.length, ...event.candidates.map((c) => c.length)]);
    case 'final':
      for (const c of event.candidates) log.finals.add(c.id);
      return unknownId(log, event.candidates.map((c) => c.id)) ?? tooLong(log, event.candidates.map((c) => c.length));
    case 'prefix-scores': {
      const uneven = event.candidates.find((c) => c.partial.length !== event.lengths.length);
      if (uneven) return `candidate ${uneven.id} has ${uneven.partial.length} partial scores for ${event.lengths.length} lengths`;
      return unknownId(log, event.candidates.map((c) => c.id)) ?? tooLong(log, event.lengths);
    }
    case 'run-end': {
      log.ended = true;
      const { winner } = event;
      if (winner !== null) {
        if (!winner.finished) return `its winner, candidate ${winner.id}, is not a complete response`;
        const problem = unknownId(log, [winner.id]);
        if (problem !== null) return problem;
        if (log.finals.size > 0 && !log.finals.has(winner.id)) return `its winner, candidate ${winner.id}, is not among the method's final responses`;
      }
      return totalsProblem(log.last, event.totals);
    }
  }
}

/** Checks a log whose events each have a valid shape; the first contradiction, with its event's index, or null. */
export function runLogProblem(events: readonly RunEvent[]): { readonly index: number; readonly problem: string } | null {
  const logs = new Map<MethodId, MethodLog>();
  for (const [index, event] of events.entries()) {
    const log = logs.get(event.method);
    const where = (problem: string) => ({ index, problem });
    if (log === undefined) {
      if (event.type !== 'run-start') return where(`a ${event.type} event comes before the method's run-start`);
      if (event.capacityRows < 1 && event.n > 0) return where('its KV budget holds no row');
      logs.set(event.method, { start: event, spawned: new Set(), finals: new Set(), last: null, ended: false });
      continue;
    }
    if (log.ended) return where(`a ${event.type} event comes after the method's run-end`);
    const problem = eventProblem(log, event);
    if (problem !== null) return where(problem);
  }
  return null;
}
