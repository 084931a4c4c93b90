// How the Recent runs list names a kept run and how it ended.
import { METHOD_LABELS } from '../../core/methodNames.ts';
import type { RunEnding, StoredRun } from './stored-run.ts';

export const ENDING_WORDS: Readonly<Record<RunEnding, string>> = {
  running: 'running in another tab',
  done: 'finished',
  stopped: 'stopped',
  reload: 'stopped by reload',
  'cut-short': 'cut short (engine error, Reset or Change models)',
};

/** The prompt on one line, shortened to `max` characters. */
export function promptLine(prompt: string, max = 80): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  if (line === '') return '(empty prompt)';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export const methodsLine = (run: StoredRun): string => run.digest.methods.map((m) => METHOD_LABELS[m]).join(', ');

/** The name a kept run is shown under once opened. */
export function recentRunName(run: StoredRun): string {
  const ending = run.ending === 'done' ? '' : `, ${ENDING_WORDS[run.ending]}`;
  return `"${promptLine(run.digest.prompt, 50)}" (recent run${ending})`;
}
