// The records this app keeps in IndexedDB, as schemas: what a record read back must hold to be used.
// Another version of the app, an extension or a damaged profile can leave anything there; a record that
// does not read is left out (and counted, see `readRecords`), never shown half. Each schema is checked
// against the record's documented type below, so it cannot accept what the type does not allow.
import * as v from 'valibot';
import type { RunConfig } from '../../core/config.ts';
import type { RunTotals } from '../../core/events.ts';
import { METHOD_IDS } from '../../core/methodNames.ts';
import { RunSettingsSchema } from '../../core/runSettings.ts';
import type { PromptOutcome } from '../../promptset/promptOutcome.ts';
import type { RunDigest } from './run-digest.ts';
import type { StoredRun } from './stored-run.ts';
import type { StoredSet } from './stored-set.ts';

const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());
const text = v.string();
const method = v.picklist(METHOD_IDS);
const methods = v.array(method);
/** Rewards may be ±Infinity or NaN (kept as such by IndexedDB). */
const anyNumber = v.custom<number>((x) => typeof x === 'number');

export const RunDigestSchema: v.GenericSchema<unknown, RunDigest> = v.object({
  prompt: text, methods, generator: text, scorers: v.array(text),
  best: v.record(method, v.nullable(anyNumber)),
  stopped: methods, open: methods, events: count,
});

export const StoredRunSchema: v.GenericSchema<unknown, StoredRun> = v.object({
  id: text, createdAt: time, updatedAt: time,
  ending: v.picklist(['running', 'done', 'stopped', 'reload', 'cut-short']),
  digest: RunDigestSchema,
  chunks: count,
  set: v.optional(v.object({ id: text, index: count })),
});

/**
 * The settings every prompt of a set runs with, through the run settings' own checks. Their prompt is
 * left empty (each prompt of the set is its own), so the check reads them with a stand-in.
 */
const SetConfigSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = v.safeParse(RunSettingsSchema, { ...dataset.value, prompt: 'each prompt of the set' });
    if (parsed.success) return { ...parsed.output, prompt: '' } as RunConfig;
    addIssue({ message: parsed.issues[0].message });
    return NEVER;
  }),
);

export const StoredSetSchema: v.GenericSchema<unknown, StoredSet> = v.object({
  id: text, name: text, prompts: v.array(text), createdAt: time, updatedAt: time,
  config: SetConfigSchema,
  models: v.object({ generator: text, scorers: v.array(text) }),
  ending: v.picklist(['running', 'stopped', 'done']),
  refused: v.record(v.string(), text),
});

const totals: v.GenericSchema<unknown, RunTotals> = v.object({
  decodedTokens: count, prefillTokens: count, rewardTokens: count, steps: count,
  generatorFlops: v.optional(anyNumber), rewardFlops: v.optional(anyNumber),
  peakKvBytes: anyNumber, wallMs: anyNumber, generateMs: anyNumber, scoreMs: anyNumber, pruneMs: anyNumber,
});

const answer = v.object({
  id: count, text, reward: anyNumber, scores: v.array(anyNumber), length: count,
  finish: v.nullable(v.picklist(['stop-token', 'max-length'])),
});

/**
 * A prompt's outcome: every field the set's table, picture and exports read. Its settings and picture
 * are derived from the prompt's run and kept whole; they are checked for their shape's top level.
 */
export const PromptOutcomeSchema: v.GenericSchema<unknown, PromptOutcome> = v.object({
  index: count,
  prompt: text,
  settings: v.custom<PromptOutcome['settings']>(
    (x) => typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>)['generator'] === 'string'
      && Array.isArray((x as Record<string, unknown>)['scorers']) && typeof (x as Record<string, unknown>)['methods'] === 'object',
  ),
  methods: v.array(v.object({
    method, bestReward: v.nullable(anyNumber), worstReward: v.optional(v.nullable(anyNumber)), winnerText: text,
    winnerScores: v.optional(v.array(anyNumber)), totals,
    winnerId: v.nullable(count), stopped: v.boolean(), answers: v.array(answer),
  })),
  picture: v.nullable(v.custom<NonNullable<PromptOutcome['picture']>>((x) => typeof x === 'object' && x !== null)),
});

/** The records that read, and how many did not. */
export function readRecords<T>(schema: v.GenericSchema<unknown, T>, records: readonly unknown[]): { records: T[]; unreadable: number } {
  const read: T[] = [];
  for (const record of records) {
    const parsed = v.safeParse(schema, record);
    if (parsed.success) read.push(parsed.output);
  }
  return { records: read, unreadable: records.length - read.length };
}

/** One record, or null when it does not read. */
export function readRecord<T>(schema: v.GenericSchema<unknown, T>, record: unknown): T | null {
  const parsed = v.safeParse(schema, record);
  return parsed.success ? parsed.output : null;
}
