// A run file as the run store shows it: checked (runFile.ts), then replayed into a RunState, with the
// combine rule its run used.
import { defaultRunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import { parseRunFile } from '../../core/runFile.ts';
import { applyEvents, startRunState, type RunState } from '../state/run-state.ts';

export type RunFileView =
  | { readonly ok: true; readonly state: RunState; readonly events: RunEvent[]; readonly savedAt: string | null }
  | { readonly ok: false; readonly problem: string };

export function viewRunFile(text: string): RunFileView {
  const parsed = parseRunFile(text);
  if (!parsed.ok) return parsed;
  const start = parsed.events.find((e) => e.type === 'run-start');
  const combine = (start?.type === 'run-start' && start.combine) || defaultRunConfig('').combine;
  try {
    return { ok: true, state: applyEvents(startRunState(combine), parsed.events), events: parsed.events, savedAt: parsed.savedAt };
  } catch (error) {
    return { ok: false, problem: `This run file could not be shown (${error instanceof Error ? error.message : String(error)}).` };
  }
}
