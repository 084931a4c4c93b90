// The run settings as one schema: every field (config.ts) and the checks between fields. This is what
// any settings from outside go through (the run panel, a saved run, the study's flags, a URL); with a
// loaded model, validateRunConfig adds the checks against it.
import * as v from 'valibot';
import { MethodsSchema, RunConfigEntries, SpeculativeRejectionSchema, TreeBoNSchema } from './config.ts';
import type { MethodId } from './methodNames.ts';

type Settings = v.InferOutput<ReturnType<typeof v.object<typeof RunConfigEntries>>>;

/** Whether the settings name their methods and leave `method` out (a method the run does not use is not checked). */
function unused(input: Record<string, unknown>, method: MethodId): boolean {
  const methods = input['methods'];
  return v.is(MethodsSchema, methods) && !methods.includes(method);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A half-edited setting of a method this run does not use must not block the run: such a group is
 * kept when it is valid (Best-of-N reads Speculative Rejection's schedule for its replay) and
 * otherwise replaced by the defaults.
 */
function withoutBadUnusedGroups(input: Record<string, unknown>): Record<string, unknown> {
  const settings = { ...input };
  if (unused(settings, 'spr') && !v.is(SpeculativeRejectionSchema, settings['spr'])) delete settings['spr'];
  if (unused(settings, 'treebon') && !v.is(TreeBoNSchema, settings['treebon'])) delete settings['treebon'];
  return settings;
}

/** Whether the run uses `method`; settings whose methods are themselves wrong have every method's settings checked. */
const runs = (s: Settings, method: MethodId) => !Array.isArray(s.methods) || s.methods.includes(method);

function belowMaxNewTokens(label: string, lengths: readonly number[], maxNewTokens: number): string | null {
  const tooLong = lengths.find((l) => l >= maxNewTokens);
  return tooLong === undefined ? null : `${label} must be below max new tokens (${maxNewTokens}); ${tooLong} is not.`;
}

/** Whether an issue already concerns the field at `path` (or a part of it, or a group holding it). */
function touches(issue: v.BaseIssue<unknown>, path: readonly string[]): boolean {
  const keys = (issue.path ?? []).map((item) => item.key);
  return path.every((key, i) => i >= keys.length || keys[i] === key);
}

/** A check between fields, shown at `at`; it runs once the fields it reads (and `at`) are valid. */
function between(reads: readonly (readonly string[])[], at: readonly string[], problem: (s: Settings) => string | null) {
  return v.rawCheck<Settings>(({ dataset, addIssue }) => {
    if ([...reads, at].some((path) => dataset.issues?.some((issue) => touches(issue, path)))) return;
    const settings = dataset.value as Settings;
    const message = problem(settings);
    if (message === null) return;
    let input: unknown = settings;
    const path = at.map((key) => {
      const holder = input as Record<string, unknown>;
      input = holder[key];
      return { type: 'object', origin: 'value', input: holder, key, value: input } as const;
    });
    addIssue({ message, path: path as unknown as v.IssuePathItem[] as never });
  });
}

export const RunSettingsSchema = v.pipe(
  v.custom<Record<string, unknown>>(isRecord, 'The settings must be an object of named fields.'),
  v.transform(withoutBadUnusedGroups),
  v.object(RunConfigEntries),
  between([['maxNewTokens'], ['spr', 'decision']], ['spr', 'decision', 'lengths'], (s) =>
    runs(s, 'spr') && s.spr.decision.mode === 'fixed' ? belowMaxNewTokens('Decision lengths', s.spr.decision.lengths, s.maxNewTokens) : null,
  ),
  between([['maxNewTokens']], ['prefixScoreLengths'], (s) => belowMaxNewTokens('Prefix lengths', s.prefixScoreLengths, s.maxNewTokens)),
  // N / children parents (at least one) share N child slots; only more children than N cannot work.
  between([['n']], ['treebon', 'children'], (s) =>
    runs(s, 'treebon') && s.treebon.children > s.n ? `Children per parent (${s.treebon.children}) cannot exceed N (${s.n}).` : null,
  ),
  // Each layer decodes at least one token.
  between([['maxNewTokens']], ['treebon', 'layers'], (s) =>
    runs(s, 'treebon') && s.treebon.layers > s.maxNewTokens ? `Layers must be between 1 and ${s.maxNewTokens}.` : null,
  ),
  // A floor above `children` could ask for more slots than a layer has (floor(N / children) parents share N).
  between([['treebon', 'children']], ['treebon', 'ucbFloor'], (s) => {
    const most = Math.max(1, s.treebon.children);
    const floor = s.treebon.ucbFloor;
    return runs(s, 'treebon') && floor !== undefined && floor > most
      ? `The UCB floor (children each parent gets first) must be between 0 and ${most}.`
      : null;
  }),
);
