// Reads a prompt set: a .json array or a .jsonl file of strings, or of objects with an
// `instruction` or `prompt` field (the shapes of AlpacaFarm-Eval and HH-RLHF in shared/data). Each item
// goes through one schema; the first bad item (or line) is named. An HH-RLHF transcript ("Human: …
// Assistant: … Human: … Assistant:") is a prompt like any other: the models read it as a conversation
// (src/models/conversation.ts), and one whose turns do not alternate as one message, which is no error
// (8 of the 2,312 HH-RLHF harmless test prompts have a "Human:" inside a turn).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import * as v from 'valibot';
import { StudyError } from './studyError.ts';

const NOT_A_PROMPT = 'is neither a string nor an object with a non-empty "instruction" or "prompt"';

/** One prompt: a string, `{ instruction }` (AlpacaFarm) or `{ prompt }` (HH-RLHF), other fields ignored; then its text is checked. */
export const PromptItemSchema = v.pipe(
  v.union([v.string(), v.object({ instruction: v.string() }), v.object({ prompt: v.string() })], NOT_A_PROMPT),
  v.transform((item) => (typeof item === 'string' ? item : 'instruction' in item ? item.instruction : item.prompt)),
  v.check((p) => p.trim() !== '', NOT_A_PROMPT),
);

interface Item {
  readonly value: unknown;
  /** "item 3" in an array, "line 7" in JSON Lines. */
  readonly where: string;
}

export async function readPrompts(path: string, limit?: number): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new StudyError(`cannot read prompts file ${path}`);
  }
  const items = extname(path).toLowerCase() === '.jsonl' ? parseJsonLines(text, path) : parseJsonArray(text, path);
  const prompts = items.map(({ value, where }) => {
    const result = v.safeParse(PromptItemSchema, value);
    if (!result.success) throw new StudyError(`${path} ${where} ${result.issues[0].message}`);
    return result.output;
  });
  if (prompts.length === 0) throw new StudyError(`${path} holds no prompts`);
  return limit === undefined ? prompts : prompts.slice(0, limit);
}

function parseJsonArray(text: string, path: string): Item[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StudyError(`${path} is not valid JSON (${(error as Error).message}); use a .jsonl extension for JSON Lines`);
  }
  if (!Array.isArray(value)) throw new StudyError(`${path} must hold a JSON array of prompts`);
  return value.map((item, i) => ({ value: item, where: `item ${i + 1}` }));
}

function parseJsonLines(text: string, path: string): Item[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), where: `line ${i + 1}` }))
    .filter(({ line }) => line !== '')
    .map(({ line, where }) => {
      try {
        return { value: JSON.parse(line) as unknown, where };
      } catch {
        throw new StudyError(`${path} ${where} is not valid JSON`);
      }
    });
}
