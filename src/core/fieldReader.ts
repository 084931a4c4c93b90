// Reads one level of untrusted settings: each getter returns the value, or the default while
// recording a message a person can act on, keyed by the field's dotted path ("spr.alpha").

export interface FieldError {
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

const LABELS: Readonly<Record<string, string>> = {
  n: 'N',
  maxNewTokens: 'Max new tokens',
  seed: 'Seed',
  kvBudgetBytes: 'The KV budget',
  methods: 'Methods',
  prompt: 'The prompt',
  sampling: 'Sampling',
  spr: 'Speculative Rejection',
  'spr.decision': 'The decision schedule',
  treebon: 'TreeBoN',
  combine: 'Combining scorers',
  'sampling.temperature': 'Temperature',
  'sampling.topK': 'Top-k',
  'sampling.topP': 'Top-p',
  'spr.alpha': 'Alpha (the fraction rejected)',
  'spr.decision.mode': 'The decision schedule',
  'spr.decision.lengths': 'Decision lengths',
  'spr.initial': 'The initial batch',
  'spr.maxInitial': 'The initial batch cap',
  'treebon.children': 'Children per parent',
  'treebon.layers': 'Layers',
  'treebon.ucb': 'The UCB constant',
  'treebon.ucbFloor': 'The UCB floor (children each parent gets first)',
  'combine.rule': 'The combining rule',
  'combine.normalize': 'Normalisation',
  'combine.temperature': 'The soft-min temperature',
  prefixScoreLengths: 'Prefix lengths',
  replayAlphas: 'Replay alphas',
};

export function labelOf(field: string): string {
  return LABELS[field] ?? field;
}

function describeRange(r: Range): string {
  const low = r.min !== undefined ? `at least ${r.min}` : r.above !== undefined ? `above ${r.above}` : null;
  const high = r.max !== undefined ? `at most ${r.max}` : r.below !== undefined ? `below ${r.below}` : null;
  if (r.min !== undefined && r.max !== undefined) return `between ${r.min} and ${r.max}`;
  return [low, high].filter((part) => part !== null).join(' and ');
}

function inRange(x: number, r: Range): boolean {
  return !(
    (r.min !== undefined && x < r.min) ||
    (r.max !== undefined && x > r.max) ||
    (r.above !== undefined && x <= r.above) ||
    (r.below !== undefined && x >= r.below)
  );
}

export class FieldReader {
  constructor(
    private readonly source: Readonly<Record<string, unknown>>,
    private readonly prefix: string,
    private readonly errors: FieldError[] | null,
  ) {}

  path(key: string): string {
    return this.prefix === '' ? key : `${this.prefix}.${key}`;
  }

  fail(key: string, message: string): void {
    this.errors?.push({ field: this.path(key), message });
  }

  /** The same settings, with errors discarded: for the settings of a method this run does not use. */
  silenced(): FieldReader {
    return new FieldReader(this.source, this.prefix, null);
  }

  raw(key: string): unknown {
    return this.source[key];
  }

  object(key: string): FieldReader {
    const value = this.source[key];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      this.fail(key, `${labelOf(this.path(key))} must be a group of settings.`);
    }
    const inner = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    return new FieldReader(inner, this.path(key), this.errors);
  }

  string(key: string, fallback: string): string {
    const value = this.source[key];
    if (value === undefined) return fallback;
    if (typeof value === 'string') return value;
    this.fail(key, `${labelOf(this.path(key))} must be text.`);
    return fallback;
  }

  number(key: string, fallback: number, range: Range = {}): number {
    const value = this.source[key];
    if (value === undefined) return fallback;
    const label = labelOf(this.path(key));
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(key, `${label} must be a number.`);
      return fallback;
    }
    if (!inRange(value, range)) this.fail(key, `${label} must be ${describeRange(range)}.`);
    return value;
  }

  integer(key: string, fallback: number, range: Range = {}): number {
    const value = this.source[key];
    if (value === undefined) return fallback;
    const label = labelOf(this.path(key));
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      const bounds = describeRange(range);
      this.fail(key, `${label} must be a whole number${bounds === '' ? '' : ` ${bounds}`}.`);
      return fallback;
    }
    if (!inRange(value, range)) this.fail(key, `${label} must be ${describeRange(range)}.`);
    return value;
  }

  choice<const T extends string>(key: string, fallback: T, options: readonly T[]): T {
    const value = this.source[key];
    if (value === undefined) return fallback;
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
    this.fail(key, `${labelOf(this.path(key))} must be one of ${options.map((o) => `"${o}"`).join(', ')}.`);
    return fallback;
  }

  stringList(key: string, fallback: readonly string[]): readonly string[] {
    const value = this.source[key];
    if (value === undefined) return fallback;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    this.fail(key, `${labelOf(this.path(key))} must be a list of names.`);
    return fallback;
  }

  /** Fractions in [0, 1), such as alphas. */
  fractionList(key: string, fallback: readonly number[]): number[] {
    const value = this.source[key];
    if (value === undefined) return [...fallback];
    if (Array.isArray(value) && value.every((v) => typeof v === 'number' && v >= 0 && v < 1)) return value as number[];
    this.fail(key, `${labelOf(this.path(key))} must be a list of fractions from 0 to below 1.`);
    return [...fallback];
  }

  /** Response lengths in tokens: whole, at least 1, strictly increasing and below max new tokens. */
  increasingLengths(key: string, fallback: readonly number[], maxNewTokens: number): number[] {
    const value = this.source[key];
    if (value === undefined) return [...fallback];
    const label = labelOf(this.path(key));
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1)) {
      this.fail(key, `${label} must be whole numbers of tokens, each at least 1.`);
      return [...fallback];
    }
    const lengths = value as number[];
    for (let i = 1; i < lengths.length; i++) {
      if (lengths[i]! <= lengths[i - 1]!) {
        this.fail(key, `${label} must be strictly increasing (${lengths[i]} comes after ${lengths[i - 1]}).`);
        break;
      }
    }
    const tooLong = lengths.find((l) => l >= maxNewTokens);
    if (tooLong !== undefined) this.fail(key, `${label} must be below max new tokens (${maxNewTokens}); ${tooLong} is not.`);
    return lengths;
  }
}

/** A reader over the top level; a non-object input is itself an error. */
export function readField(input: unknown, prefix: string, errors: FieldError[]): FieldReader {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.push({ field: prefix, message: 'The settings must be an object of named fields.' });
    return new FieldReader({}, prefix, errors);
  }
  return new FieldReader(input as Record<string, unknown>, prefix, errors);
}
