// Reads a prompt set: a .json array or a .jsonl file of strings, or of objects with an
// `instruction` or `prompt` field (the shapes of AlpacaFarm-Eval and HH-RLHF in shared/data).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { StudyError } from './studyError.ts';

export async function readPrompts(path: string, limit?: number): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new StudyError(`cannot read prompts file ${path}`);
  }
  const items = extname(path).toLowerCase() === '.jsonl' ? parseJsonLines(text, path) : parseJsonArray(text, path);
  const prompts = items.map((item, i) => promptOf(item, `${path} item ${i + 1}`));
  if (prompts.length === 0) throw new StudyError(`${path} holds no prompts`);
  return limit === undefined ? prompts : prompts.slice(0, limit);
}

function parseJsonArray(text: string, path: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StudyError(`${path} is not valid JSON (${(error as Error).message}); use a .jsonl extension for JSON Lines`);
  }
  if (!Array.isArray(value)) throw new StudyError(`${path} must hold a JSON array of prompts`);
  return value;
}

function parseJsonLines(text: string, path: string): unknown[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new StudyError(`${path} line ${n} is not valid JSON`);
      }
    });
}

function promptOf(item: unknown, where: string): string {
  const text =
    typeof item === 'string'
      ? item
      : typeof item === 'object' && item !== null
        ? ((item as Record<string, unknown>).instruction ?? (item as Record<string, unknown>).prompt)
        : undefined;
  if (typeof text !== 'string' || text.trim() === '') {
    throw new StudyError(`${where} is neither a string nor an object with a non-empty "instruction" or "prompt"`);
  }
  return text;
}
