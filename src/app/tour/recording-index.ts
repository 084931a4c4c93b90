// The recorded runs shipped with the app (public/recordings/index.json, written by
// scripts/record-examples.ts): what each one is, and the settings that run it live again.
export const RECORDINGS_FORMAT = 'aligned-in-the-browser/recordings';
export const RECORDINGS_URL = '/recordings/index.json';

export interface RecordingSettings {
  readonly prompt: string;
  readonly seed: number;
  readonly n: number;
  readonly maxNewTokens: number;
  readonly kvBudgetTokens: number;
  readonly alpha: number;
  readonly sprStart: 'n' | 'memory';
}

export interface RecordingEntry {
  readonly id: string;
  /** The run file, beside index.json. */
  readonly file: string;
  readonly title: string;
  /** The guided tour opens this one. */
  readonly tour: boolean;
  readonly settings: RecordingSettings;
  /** What Speculative Rejection did with Best-of-N's answer, in the app's words. */
  readonly outcome: string;
}

export interface RecordingIndex {
  readonly format: typeof RECORDINGS_FORMAT;
  readonly note: string;
  /** The generator the recordings were made with: live runs reproduce them with it. */
  readonly generator: string;
  readonly recordings: readonly RecordingEntry[];
  readonly scanned: { readonly prompts: number; readonly seeds: number; readonly runs: number; readonly missed: number };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function settingsOf(v: unknown): RecordingSettings | null {
  if (!isRecord(v)) return null;
  const { prompt, seed, n, maxNewTokens, kvBudgetTokens, alpha, sprStart } = v;
  if (typeof prompt !== 'string' || !isNumber(seed) || !isNumber(n) || !isNumber(maxNewTokens) || !isNumber(kvBudgetTokens) || !isNumber(alpha)) return null;
  if (sprStart !== 'n' && sprStart !== 'memory') return null;
  return { prompt, seed, n, maxNewTokens, kvBudgetTokens, alpha, sprStart };
}

/** The recordings listed in an index; entries that are not well formed (or have a file name with a path) are left out. */
export function parseRecordingIndex(json: unknown): { readonly generator: string; readonly recordings: RecordingEntry[] } {
  if (!isRecord(json) || json['format'] !== RECORDINGS_FORMAT || !Array.isArray(json['recordings'])) return { generator: '', recordings: [] };
  const recordings = json['recordings'].flatMap((raw: unknown): RecordingEntry[] => {
    if (!isRecord(raw)) return [];
    const { id, file, title, tour, outcome } = raw;
    const settings = settingsOf(raw['settings']);
    if (typeof id !== 'string' || typeof file !== 'string' || !/^[\w-]+\.json$/.test(file) || typeof title !== 'string' || !settings) return [];
    return [{ id, file, title, tour: tour === true, settings, outcome: typeof outcome === 'string' ? outcome : '' }];
  });
  return { generator: typeof json['generator'] === 'string' ? json['generator'] : '', recordings };
}

/** The run file of an entry, beside the index. */
export function recordingUrl(entry: RecordingEntry, indexUrl = RECORDINGS_URL): string {
  return indexUrl.replace(/[^/]*$/, entry.file);
}
