// A run saved to a file: its event log (the one format the live display, the replay and the tests read)
// with a header. The app saves and opens these; the study command writes one per prompt. A file is
// untrusted input, so every event is checked for the fields the readers use before it is accepted.
import type { MethodId, RunEvent } from './events.ts';

export const RUN_FILE_FORMAT = 'aligned-in-the-browser/run';
export const RUN_FILE_VERSION = 1;

export interface RunFile {
  readonly format: typeof RUN_FILE_FORMAT;
  readonly version: typeof RUN_FILE_VERSION;
  readonly savedAt: string;
  readonly events: readonly RunEvent[];
}

export function runFileText(events: readonly RunEvent[], savedAt: Date = new Date()): string {
  const file: RunFile = { format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, savedAt: savedAt.toISOString(), events };
  return JSON.stringify(file);
}

export type ParsedRunFile =
  | { readonly ok: true; readonly events: RunEvent[]; readonly savedAt: string | null }
  | { readonly ok: false; readonly problem: string };

type Check = (value: unknown) => boolean;
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isString: Check = (v) => typeof v === 'string';
const isBoolean: Check = (v) => typeof v === 'boolean';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const orNull = (check: Check): Check => (v) => v === null || check(v);
const arrayOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const shaped = (fields: Readonly<Record<string, Check>>): Check => (v) =>
  isRecord(v) && Object.entries(fields).every(([key, check]) => check(v[key]));
/** Rewards may be ±Infinity or NaN after JSON (null); a reward is a number or null here, read as missing. */
const isReward: Check = (v) => typeof v === 'number' || v === null;

const totals = shaped(Object.fromEntries(
  ['decodedTokens', 'prefillTokens', 'rewardTokens', 'steps', 'peakKvBytes', 'wallMs', 'generateMs', 'scoreMs', 'pruneMs'].map((k) => [k, isNumber]),
));
const scored = shaped({ id: isNumber, reward: isReward, scores: arrayOf(isReward), length: isNumber, finished: isBoolean, text: isString });

const EVENT_FIELDS: Readonly<Record<RunEvent['type'], Readonly<Record<string, Check>>>> = {
  'run-start': {
    prompt: isString, promptTokens: isNumber, n: isNumber, maxNewTokens: isNumber, kvBytesPerToken: isNumber,
    kvBudgetBytes: isNumber, capacityRows: isNumber, generator: isString, scorers: arrayOf(isString), params: isRecord,
  },
  spawn: { candidates: arrayOf(shaped({ id: isNumber, parent: orNull(isNumber), batch: isNumber, prefixLength: isNumber })) },
  step: { step: isNumber, alive: isNumber, kvBytes: isNumber, totals },
  finish: { id: isNumber, length: isNumber, reason: (v) => v === 'stop-token' || v === 'max-length', text: isString },
  decision: { round: isNumber, length: isNumber, candidates: arrayOf((c) => scored(c) && isRecord(c) && isBoolean(c['kept'])) },
  final: { candidates: arrayOf(scored) },
  'prefix-scores': {
    lengths: arrayOf(isNumber),
    candidates: arrayOf(shaped({ id: isNumber, partial: arrayOf(orNull(isReward)), final: isReward })),
  },
  'run-end': { winner: orNull(scored), stopped: isBoolean, totals },
};
const METHODS: ReadonlySet<string> = new Set<MethodId>(['bon', 'spr', 'treebon']);

/** Why `value` is not an event the app can show, or null when it is one. */
function eventProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'not an object';
  const { type, method, t } = value;
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_FIELDS, type)) return `unknown type ${JSON.stringify(type)}`;
  if (typeof method !== 'string' || !METHODS.has(method)) return `unknown method ${JSON.stringify(method)}`;
  if (!isNumber(t)) return 'no time';
  const bad = Object.entries(EVENT_FIELDS[type as RunEvent['type']]).find(([key, check]) => !check(value[key]));
  return bad ? `a ${type} event with a missing or malformed "${bad[0]}"` : null;
}

export function parseRunFile(text: string): ParsedRunFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'This file is not JSON: open a run saved by this app (or by npm run study -- --save-runs).' };
  }
  if (!isRecord(json) || json['format'] !== RUN_FILE_FORMAT) {
    return { ok: false, problem: 'This JSON file is not a run saved by this app (or by npm run study -- --save-runs).' };
  }
  if (json['version'] !== RUN_FILE_VERSION) {
    return { ok: false, problem: `This run file is version ${JSON.stringify(json['version'])}; this app reads version ${RUN_FILE_VERSION}.` };
  }
  const events = json['events'];
  if (!Array.isArray(events) || events.length === 0) return { ok: false, problem: 'This run file holds no events.' };
  for (const [i, event] of events.entries()) {
    const problem = eventProblem(event);
    if (problem !== null) return { ok: false, problem: `Event ${i + 1} of the run file is ${problem}.` };
  }
  if (!events.some((e) => (e as RunEvent).type === 'run-start')) return { ok: false, problem: 'This run file has no run-start event.' };
  return { ok: true, events: events as RunEvent[], savedAt: isString(json['savedAt']) ? (json['savedAt'] as string) : null };
}
