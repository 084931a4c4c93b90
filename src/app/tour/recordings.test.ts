// The recordings the app ships (public/recordings, written by scripts/record-examples.ts): each opens,
// its listed settings are the run's, its listed outcome is what the app says of it today, and the tour's
// run shows what it is there for (a miss, Speculative Rejection finishing first).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_GENERATOR_ID } from '../../modelgen/builtin/task.ts';
import { parseRunFile } from '../../core/runFile.ts';
import { bestOfNAnswerFates } from '../miss/answer-fate.ts';
import { missLine } from '../miss/miss-words.ts';
import { finishOrder, raceTimeline } from '../race/race-timeline.ts';
import { applyEvents, startRunState } from '../state/run-state.ts';
import { parseRecordingIndex, recordingUrl } from './recording-index.ts';
import { tourSteps } from './tour-steps.ts';

const publicDir = new URL('../../../public', import.meta.url);
const read = (path: string) => readFileSync(new URL(`.${path}`, `${publicDir.href}/`), 'utf8');
const index = parseRecordingIndex(JSON.parse(read('/recordings/index.json')));

function open(path: string) {
  const parsed = parseRunFile(read(path));
  if (!parsed.ok) throw new Error(parsed.problem);
  const start = parsed.events.find((e) => e.type === 'run-start')!;
  if (start.type !== 'run-start' || !start.combine) throw new Error('no combine');
  const state = applyEvents(startRunState(start.combine), parsed.events);
  return { events: parsed.events, state, timeline: raceTimeline(parsed.events, start.combine) };
}

describe('the shipped recordings', () => {
  it('are listed with the settings they were run with, by the built-in models', () => {
    expect(index.generator).toBe(BUILTIN_GENERATOR_ID);
    expect(index.recordings.length).toBeGreaterThanOrEqual(3);
    for (const entry of index.recordings) {
      const { state } = open(recordingUrl(entry));
      expect(state.methods).toEqual(['bon', 'spr', 'treebon']);
      for (const m of state.methods) {
        const s = state.lanes[m]!.start!;
        expect(s.generator).toBe(BUILTIN_GENERATOR_ID);
        expect({ prompt: s.prompt, seed: s.seed, maxNewTokens: s.maxNewTokens, kvBudgetTokens: s.kvBudgetBytes / s.kvBytesPerToken })
          .toEqual({ prompt: entry.settings.prompt, seed: entry.settings.seed, maxNewTokens: entry.settings.maxNewTokens, kvBudgetTokens: entry.settings.kvBudgetTokens });
      }
      expect(state.lanes.bon!.start!.n).toBe(entry.settings.n);
      expect(state.lanes.spr!.start!.params).toMatchObject({ alpha: entry.settings.alpha, initial: entry.settings.sprStart });
      expect(missLine(bestOfNAnswerFates(state), true)?.text).toBe(entry.outcome);
    }
  });

  it('open the tour on a same-N run where Speculative Rejection misses Best-of-N\'s answer and has its own first', () => {
    const tour = index.recordings.filter((r) => r.tour);
    expect(tour).toHaveLength(1);
    expect(tour[0]!.settings.sprStart).toBe('n');
    const { state, timeline } = open(recordingUrl(tour[0]!));
    expect(missLine(bestOfNAnswerFates(state), true)?.kind).toBe('missed');
    expect(finishOrder(timeline)[0]!.method).toBe('spr');
    const steps = tourSteps(state, timeline);
    expect(steps.find((s) => s.id === 'miss')!.text).toMatch(/^Speculative Rejection missed Best-of-N's answer/);
  });

  it('include a run where it keeps Best-of-N\'s answer, and one from the same memory', () => {
    const kinds = index.recordings.map((r) => missLine(bestOfNAnswerFates(open(recordingUrl(r)).state), true)?.kind);
    expect(kinds).toContain('found');
    expect(index.recordings.some((r) => r.settings.sprStart === 'memory')).toBe(true);
  });
});
