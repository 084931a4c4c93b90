// The shape of every RunEvent, as a schema: what a run file (or a stored run) must hold for the app to
// show it. The checks between events (ids spawned before use, totals that add up...) are in runLogChecks.ts.
// events.ts stays the documented type; the assertion at the end keeps this schema from accepting more.
import * as v from 'valibot';
import { CombineSchema, SamplingSchema } from './config.ts';
import type { RunEvent } from './events.ts';
import { METHOD_IDS } from './methodNames.ts';
import { NumericCheckSchema } from './numericCheck.ts';

const count = v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(0, 'must not be negative'));
const positiveCount = v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'), v.minValue(1, 'must be at least 1'));
const amount = v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.minValue(0, 'must not be negative'));
const text = v.string('must be text');
const flag = v.boolean('must be true or false');
/**
 * Rewards may be ±Infinity or NaN, which JSON writes as null: a reward is any number, or null (read as
 * missing). Typed as a number, as in the log that was saved.
 */
const reward = v.custom<number>((x) => typeof x === 'number' || x === null, 'must be a number or null');
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'must be a list');
const at = { method: v.picklist(METHOD_IDS, 'must be bon, spr or treebon'), t: amount };
const event = <const T extends string, const E extends v.ObjectEntries>(type: T, entries: E) =>
  v.object({ type: v.literal(type), ...at, ...entries }, 'must be an object');

const totals = v.object(
  {
    decodedTokens: count, prefillTokens: count, rewardTokens: count, steps: count,
    generatorFlops: v.optional(amount), rewardFlops: v.optional(amount),
    peakKvBytes: amount, wallMs: amount, generateMs: amount, scoreMs: amount, pruneMs: amount,
  },
  'must be a group of totals',
);

const scoredEntries = {
  id: count, reward, scores: list(reward), length: count, finished: flag, text, rewardTokens: v.optional(count),
};
const scored = v.object(scoredEntries, 'must be a scored candidate');

const params = v.record(v.string(), v.union([v.number(), v.string(), list(v.number())], 'must be a number, text or a list of numbers'), 'must be a group of settings');

export const RunEventSchema = v.variant(
  'type',
  [
    event('run-start', {
      prompt: text, promptTokens: positiveCount, n: positiveCount, maxNewTokens: positiveCount,
      kvBytesPerToken: v.pipe(amount, v.gtValue(0, 'must be above 0')), kvBudgetBytes: v.pipe(amount, v.gtValue(0, 'must be above 0')),
      capacityRows: count, generator: text, scorers: v.pipe(list(text), v.nonEmpty('must name at least one scorer')),
      streamedScorers: v.optional(list(count)),
      parameters: v.optional(v.object({ generator: v.nullable(amount), scorers: list(v.nullable(amount)) }, 'must be a group of sizes')),
      combine: v.optional(CombineSchema),
      seed: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be a whole number'))),
      sampling: v.optional(SamplingSchema),
      numericCheck: v.optional(NumericCheckSchema),
      params,
    }),
    event('spawn', {
      candidates: list(v.object({ id: count, parent: v.nullable(count), batch: count, prefixLength: count }, 'must be a spawned candidate')),
    }),
    event('step', { step: positiveCount, alive: positiveCount, kvBytes: amount, totals }),
    event('finish', { id: count, length: count, reason: v.picklist(['stop-token', 'max-length'], 'must be stop-token or max-length'), text }),
    event('decision', {
      round: count, length: count,
      trigger: v.optional(v.picklist(['budget-full', 'schedule'], 'must be budget-full or schedule')),
      cutForMemory: v.optional(count),
      candidates: list(v.object({ ...scoredEntries, kept: flag }, 'must be a scored candidate')),
    }),
    event('final', { candidates: list(scored) }),
    event('prefix-scores', {
      lengths: list(positiveCount),
      candidates: list(
        v.object(
          {
            id: count, partial: list(reward), final: reward, length: v.optional(count),
            partialScores: v.optional(list(v.nullable(list(reward)))), finalScores: v.optional(list(reward)),
            partialTokens: v.optional(list(v.nullable(count))), finalTokens: v.optional(count),
          },
          'must be a scored candidate',
        ),
      ),
      streamedScorers: v.optional(count),
    }),
    event('run-end', { winner: v.nullable(scored), stopped: flag, totals }),
  ],
  (issue) => (issue.path === undefined ? 'is not an object' : `has an unknown type ${JSON.stringify(issue.input)}`),
);

// The schema accepts nothing that is not a RunEvent (rewards aside, see `reward`): checked when type-checking.
export const parsedIsRunEvent: (event: v.InferOutput<typeof RunEventSchema>) => RunEvent = (event) => event;
