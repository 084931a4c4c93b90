// A prompt set from a file's text, for the study and the app alike: a JSON array or JSON Lines of strings
// or of objects (`instruction` with an optional `input`, as AlpacaFarm; `prompt`, as the shipped HH-RLHF
// set; or an HH-RLHF pair `chosen`/`rejected`, whose prompt is the dialogue up to its last "Assistant:"),
// or a CSV file with a `prompt` or `instruction` column (RFC 4180 quoting, read by papaparse). A file that
// cannot be read names its first bad line.
import Papa from 'papaparse';
import * as v from 'valibot';
import { jsonArrayItems } from './jsonArrayItems.ts';

export type PromptFileKind = 'json' | 'jsonl' | 'csv';

export type ParsedPrompts =
  | { readonly ok: true; readonly prompts: string[] }
  /** `line`: 1-based, the first line at fault; null when the fault is the file as a whole. */
  | { readonly ok: false; readonly problem: string; readonly line: number | null };

/** What the file holds, by its name: .jsonl / .ndjson are JSON Lines, .csv is CSV, anything else a JSON array. */
export function promptFileKind(name: string): PromptFileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  return 'json';
}

const ITEM_SHAPE = 'neither a string nor an object with a non-empty "instruction" or "prompt" (or an HH-RLHF "chosen" dialogue)';

const text = v.pipe(v.string(), v.check((t) => t.trim() !== ''));

/**
 * One item of a JSON prompt file, declared once: a string; `{ instruction, input? }` (AlpacaFarm, the input
 * appended after a blank line); `{ prompt }` (HH-RLHF as shipped); or an HH-RLHF pair's `chosen` dialogue,
 * whose prompt is everything up to its last "Assistant:". Other fields are ignored.
 */
export const PromptItemSchema = v.union([
  text,
  v.pipe(
    v.object({ instruction: text, input: v.optional(v.unknown()) }),
    v.transform(({ instruction, input }) => (typeof input === 'string' && input.trim() !== '' ? `${instruction}\n\n${input}` : instruction)),
  ),
  v.pipe(v.object({ prompt: text }), v.transform(({ prompt }) => prompt)),
  v.pipe(v.object({ chosen: v.string() }), v.transform(({ chosen }) => dialoguePrompt(chosen)), v.string()),
]);

/** The prompt an item of a JSON prompt file gives, or null when it gives none. */
export function promptOfItem(item: unknown): string | null {
  const result = v.safeParse(PromptItemSchema, item);
  return result.success ? result.output : null;
}

/** An HH-RLHF transcript's prompt: everything up to and including its last "Assistant:" turn marker. */
function dialoguePrompt(transcript: string): string | null {
  const at = transcript.lastIndexOf('\n\nAssistant:');
  return at < 0 ? null : transcript.slice(0, at + '\n\nAssistant:'.length);
}

export function parsePromptFile(text: string, name: string): ParsedPrompts {
  const kind = promptFileKind(name);
  const result = kind === 'jsonl' ? jsonLines(text) : kind === 'csv' ? csv(text) : jsonArray(text);
  if (!result.ok) {
    const where = result.line === null ? name : `${name}, line ${result.line}`;
    return { ok: false, problem: `${where}: ${result.problem}`, line: result.line };
  }
  if (result.prompts.length === 0) return { ok: false, problem: `${name} holds no prompts.`, line: null };
  return result;
}

/** The 1-based line of an offset, by binary search over the offsets of the text's line breaks. */
function lineFinder(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

const fail = (problem: string, line: number | null): ParsedPrompts => ({ ok: false, problem, line });

function jsonArray(text: string): ParsedPrompts {
  const lineAt = lineFinder(text);
  const scanned = jsonArrayItems(text);
  if (!scanned.ok) {
    const hint = scanned.at === 0 ? ' (JSON Lines? Name the file .jsonl.)' : '';
    return fail(`${scanned.problem}${hint}`, lineAt(scanned.at));
  }
  const prompts: string[] = [];
  for (const [i, item] of scanned.items.entries()) {
    const line = lineAt(item.start);
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch {
      return fail(`item ${i + 1} is not valid JSON.`, line);
    }
    const prompt = promptOfItem(value);
    if (prompt === null) return fail(`item ${i + 1} is ${ITEM_SHAPE}.`, line);
    prompts.push(prompt);
  }
  return { ok: true, prompts };
}

function jsonLines(text: string): ParsedPrompts {
  const prompts: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return fail('this line is not valid JSON (JSON Lines: one prompt, as a JSON string or object, per line).', i + 1);
    }
    const prompt = promptOfItem(value);
    if (prompt === null) return fail(`item ${prompts.length + 1} is ${ITEM_SHAPE}.`, i + 1);
    prompts.push(prompt);
  }
  return { ok: true, prompts };
}

const PROMPT_COLUMNS = ['prompt', 'instruction'];

function csv(raw: string): ParsedPrompts {
  // papaparse drops a byte-order mark; its cursors count from after it.
  const text = raw.replace(/^\uFEFF/, '');
  const rows: { cells: string[]; start: number; problem: string | null }[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step: (row) => {
      rows.push({ cells: row.data, start, problem: row.errors[0]?.message ?? null });
      start = row.meta.cursor;
    },
  });
  const lineAt = lineFinder(text);
  const [header, ...data] = rows;
  if (!header) return { ok: true, prompts: [] };
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const column = PROMPT_COLUMNS.map((c) => names.indexOf(c)).find((i) => i >= 0);
  if (column === undefined) {
    return fail('the first line of a CSV file names its columns, and one of them must be "prompt" or "instruction".', 1);
  }
  const input = names[column] === 'instruction' ? names.indexOf('input') : -1;
  const prompts: string[] = [];
  for (const row of data) {
    const line = lineAt(row.start);
    if (row.problem !== null) return fail(`${row.problem.replace(/\.?$/, '.')} (a quote opened and never closed?)`, line);
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    if (row.cells.length !== names.length) {
      return fail(`this row has ${row.cells.length} field(s), the header ${names.length}: a field with a comma must be in double quotes.`, line);
    }
    const prompt = row.cells[column]!;
    if (prompt.trim() === '') return fail(`the "${names[column]}" field is empty.`, line);
    const extra = input >= 0 ? row.cells[input]!.trim() : '';
    prompts.push(extra === '' ? prompt : `${prompt}\n\n${extra}`);
  }
  return { ok: true, prompts };
}
