// Schemas for single settings, each with the message a person reads when it is wrong ("N must be
// between 1 and 1024."). A field's message names the field by its label; its path is where the UI
// shows it. Built on valibot: the schema is declared once and gives the type and the message together.
import * as v from 'valibot';

export interface FieldError {
  /** Dotted path of the setting ("spr.alpha"); "" for the whole input. Array positions are left out: a list is one field. */
  readonly field: string;
  readonly message: string;
}

export interface Range {
  readonly min?: number;
  readonly max?: number;
  /** Exclusive lower bound. */
  readonly above?: number;
  /** Exclusive upper bound. */
  readonly below?: number;
}

export function describeRange(r: Range): string {
  if (r.min !== undefined && r.max !== undefined) return `between ${r.min} and ${r.max}`;
  const low = r.min !== undefined ? `at least ${r.min}` : r.above !== undefined ? `above ${r.above}` : null;
  const high = r.max !== undefined ? `at most ${r.max}` : r.below !== undefined ? `below ${r.below}` : null;
  return [low, high].filter((part) => part !== null).join(' and ');
}

export function inRange(x: number, r: Range): boolean {
  return !(
    (r.min !== undefined && x < r.min) ||
    (r.max !== undefined && x > r.max) ||
    (r.above !== undefined && x <= r.above) ||
    (r.below !== undefined && x >= r.below)
  );
}

// Each field stops at its first problem, so it gets one message; the other fields are still checked.
const ONE_MESSAGE = { abortPipeEarly: true } as const;

/** A finite number in `range`. */
export function decimal(label: string, range: Range = {}) {
  const notNumber = `${label} must be a number.`;
  return v.config(
    v.pipe(v.number(notNumber), v.finite(notNumber), v.check((x) => inRange(x, range), `${label} must be ${describeRange(range)}.`)),
    ONE_MESSAGE,
  );
}

/** A whole number in `range` (a safe integer: 2.5, 1e300 and NaN are not). */
export function wholeNumber(label: string, range: Range = {}) {
  const bounds = describeRange(range);
  const notWhole = `${label} must be a whole number${bounds === '' ? '' : ` ${bounds}`}.`;
  return v.config(
    v.pipe(v.number(notWhole), v.safeInteger(notWhole), v.check((x) => inRange(x, range), `${label} must be ${bounds}.`)),
    ONE_MESSAGE,
  );
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, options: T) {
  return v.picklist(options, `${label} must be one of ${options.map((o) => `"${o}"`).join(', ')}.`);
}

export function text(label: string) {
  return v.string(`${label} must be text.`);
}

/** Fractions in [0, 1), such as alphas. */
export function fractionList(label: string) {
  const message = `${label} must be a list of fractions from 0 to below 1.`;
  return v.pipe(v.array(v.config(v.pipe(v.number(message), v.check((x) => x >= 0 && x < 1, message)), ONE_MESSAGE), message), v.readonly());
}

/** Response lengths in tokens: whole, at least 1, strictly increasing. (Below max new tokens is the run's check.) */
export function increasingLengths(label: string) {
  const notLengths = `${label} must be whole numbers of tokens, each at least 1.`;
  return v.pipe(
    v.array(v.config(v.pipe(v.number(notLengths), v.safeInteger(notLengths), v.minValue(1, notLengths)), ONE_MESSAGE), notLengths),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const lengths = dataset.value;
      const at = lengths.findIndex((length, i) => i > 0 && length <= lengths[i - 1]!);
      if (at > 0) addIssue({ message: `${label} must be strictly increasing (${lengths[at]} comes after ${lengths[at - 1]}).` });
    }),
    v.readonly(),
  );
}

/** A group of settings (an object); keys it does not name are dropped. */
export function group<const E extends v.ObjectEntries>(label: string, entries: E) {
  return v.object(entries, `${label} must be a group of settings.`);
}

/** The path the UI routes a message by: object keys joined by dots, array positions left out. */
export function fieldOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item) => item.key)
    .filter((key): key is string => typeof key === 'string')
    .join('.');
}

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({ field: fieldOf(issue), message: issue.message }));
}
