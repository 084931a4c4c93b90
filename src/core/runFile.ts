// A run saved to a file: its event log (the one format the live display, the replay and the tests read)
// with a header. The app saves and opens these; the study command writes one per prompt. A file is
// untrusted input: its header and every event go through their schemas (runEventSchema.ts), and the
// events must agree with each other (runLogChecks.ts), before any of it is shown.
import * as v from 'valibot';
import type { RunEvent } from './events.ts';
import { METHOD_LABELS, type MethodId } from './methodNames.ts';
import { RunEventSchema } from './runEventSchema.ts';
import { runLogProblem } from './runLogChecks.ts';

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

export type CheckedEvents = { readonly ok: true; readonly events: RunEvent[] } | { readonly ok: false; readonly problem: string };

const SOURCE = 'a run saved by this app (or by npm run study -- --save-runs)';

const HeaderSchema = v.object({
  format: v.literal(RUN_FILE_FORMAT, `This JSON file is not ${SOURCE}.`),
  version: v.literal(RUN_FILE_VERSION, (issue) => `This run file is version ${issue.received}; this app reads version ${RUN_FILE_VERSION}.`),
  savedAt: v.fallback(v.nullable(v.string()), null),
  events: v.pipe(v.array(v.unknown(), 'This run file holds no events.'), v.nonEmpty('This run file holds no events.')),
}, `This JSON file is not ${SOURCE}.`);

function describe(index: number, event: unknown): string {
  const { type, method } = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  const of = typeof method === 'string' && Object.hasOwn(METHOD_LABELS, method) ? ` of ${METHOD_LABELS[method as MethodId]}` : '';
  return `Event ${index + 1} of the run file${typeof type === 'string' ? ` (a ${type} event${of})` : ''}`;
}

function shapeProblem(index: number, event: unknown, issue: v.BaseIssue<unknown>): string {
  const field = (issue.path ?? []).map((item) => item.key).join('.');
  if (issue.type === 'variant') return `Event ${index + 1} of the run file ${issue.message}.`;
  // The event schema's messages read "must be…"; the run settings' (sampling, combine) are whole sentences.
  const wrong = issue.message.startsWith('must') ? `it ${issue.message}` : issue.message.replace(/\.$/, '');
  const value = issue.received === 'undefined' ? 'it is missing' : `${wrong}, not ${issue.received}`;
  return `${describe(index, event)} has a wrong "${field}": ${value}.`;
}

/**
 * Checks events from outside (a run file, a stored run): each one's shape, then that they agree with
 * each other. The first bad event is named with what is wrong with it.
 */
export function checkRunEvents(events: readonly unknown[]): CheckedEvents {
  const checked: RunEvent[] = [];
  for (const [index, event] of events.entries()) {
    const result = v.safeParse(RunEventSchema, event);
    if (!result.success) return { ok: false, problem: shapeProblem(index, event, result.issues[0]) };
    checked.push(result.output);
  }
  if (!checked.some((e) => e.type === 'run-start')) return { ok: false, problem: 'This run file has no run-start event.' };
  const contradiction = runLogProblem(checked);
  if (contradiction !== null) {
    const { index, problem } = contradiction;
    return { ok: false, problem: `${describe(index, checked[index])} contradicts the run: ${problem}.` };
  }
  return { ok: true, events: checked };
}

export function parseRunFile(text: string): ParsedRunFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: `This file is not JSON: open ${SOURCE}.` };
  }
  const header = v.safeParse(HeaderSchema, json, { abortEarly: true });
  if (!header.success) return { ok: false, problem: header.issues[0].message };
  const checked = checkRunEvents(header.output.events);
  return checked.ok ? { ok: true, events: checked.events, savedAt: header.output.savedAt } : checked;
}
