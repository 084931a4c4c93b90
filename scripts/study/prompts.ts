// Reads a prompt set from disk for the study; the format itself (JSON array, JSON Lines, CSV) is read by
// src/promptset/promptFile.ts, the same reader the app uses.
import { readFile } from 'node:fs/promises';
import { parsePromptFile } from '../../src/promptset/promptFile.ts';
import { StudyError } from './studyError.ts';

export async function readPrompts(path: string, limit?: number): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new StudyError(`cannot read prompts file ${path}`);
  }
  const parsed = parsePromptFile(text, path);
  if (!parsed.ok) throw new StudyError(parsed.problem);
  return limit === undefined ? parsed.prompts : parsed.prompts.slice(0, limit);
}
