// Run files round-trip real engine logs (on the FAKE backend, testing/fake-backend.ts: pure logic,
// no model) and refuse what the app could not show, or a log that contradicts itself, with a message
// that names the first bad event and says why.
import { describe, expect, it } from 'vitest';
import type { RunConfig } from './config.ts';
import type { MethodId, RunEvent } from './events.ts';
import { numericCheck } from './numericCheck.ts';
import { runAlignment } from './runAlignment.ts';
import { checkRunEvents, parseRunFile, runFileText } from './runFile.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { fakeRunConfig } from './testing/trajectory.ts';
import { twoMethodRun } from '../app/fixtures/two-method-run.ts';

const ALL: MethodId[] = ['bon', 'spr', 'treebon'];

async function recorded(config: Partial<RunConfig> = {}, abortAfterAppends?: number): Promise<RunEvent[]> {
  const signal = { aborted: false };
  const generator = new FakeGenerator(abortAfterAppends === undefined ? {} : { onAppend: (n) => n === abortAfterAppends && (signal.aborted = true) });
  const run = { ...fakeRunConfig({ n: 8, prefixScoreLengths: [4, 8] }), methods: ALL, ...config };
  return runAlignment(run, { generator, scorers: [new FakeScorer(), new FakeScorer()], onEvent: () => {}, signal });
}

const file = (list: unknown[]) => JSON.stringify({ format: 'aligned-in-the-browser/run', version: 1, events: list });
const copy = (events: readonly RunEvent[]) => JSON.parse(JSON.stringify(events)) as Record<string, unknown>[];

describe('run files', () => {
  it('round-trips every event of a three-method run', async () => {
    const events = await recorded();
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['run-start', 'spawn', 'step', 'finish', 'decision', 'final', 'prefix-scores', 'run-end']));
    const parsed = parseRunFile(runFileText(events, new Date('2026-11-23T10:00:00Z')));
    expect(parsed).toEqual({ ok: true, events: JSON.parse(JSON.stringify(events)), savedAt: '2026-11-23T10:00:00.000Z' });
  });

  it('keeps the WebGPU numerical check each run-start records, and refuses a malformed one', async () => {
    const check = numericCheck('fp16', 0.004, 0.001);
    const events = await runAlignment({ ...fakeRunConfig({ n: 4 }), methods: ALL }, { generator: new FakeGenerator(), scorers: [new FakeScorer()], onEvent: () => {}, numericCheck: check });
    const starts = events.filter((e) => e.type === 'run-start');
    expect(starts.map((e) => e.numericCheck)).toEqual([check, check, check]);
    const parsed = parseRunFile(runFileText(events));
    expect(parsed.ok && parsed.events.filter((e) => e.type === 'run-start').map((e) => e.numericCheck)).toEqual([check, check, check]);
    const broken = copy(events).map((e, i) => (i === 0 ? { ...e, numericCheck: { ...check, tolerance: 'loose' } } : e));
    expect(parseRunFile(file(broken))).toMatchObject({ problem: expect.stringMatching(/^Event 1 .* "numericCheck.tolerance": it must be a number, not "loose"\.$/) });
  });

  it('accepts the logs the engine writes: budgets, schedules, UCB, greedy, stopped runs, the app\'s fixture', async () => {
    const logs = [
      await recorded({ kvBudgetBytes: 200 * 16 }),
      await recorded({ spr: { alpha: 0.7, decision: { mode: 'fixed', lengths: [2, 5] }, initial: 'memory', maxInitial: 40 } }),
      await recorded({ treebon: { children: 2, layers: 3, ucb: 1, ucbFloor: 0 }, sampling: { temperature: 0, topK: 0, topP: 1 } }),
      await recorded({ n: 1, maxNewTokens: 3, prefixScoreLengths: [2], treebon: { children: 1, layers: 3, ucb: null } }),
      await recorded({}, 3),
      await recorded({}, 40),
      twoMethodRun,
    ];
    for (const events of logs) expect(checkRunEvents(JSON.parse(JSON.stringify(events)))).toMatchObject({ ok: true });
  });

  it('explains a file that is not JSON, not a run, of another version, or empty', () => {
    expect(parseRunFile('{oops')).toMatchObject({ ok: false, problem: expect.stringMatching(/not JSON/) });
    expect(parseRunFile('{"models": []}')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a run saved by this app/) });
    expect(parseRunFile('[1]')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a run saved by this app/) });
    expect(parseRunFile('{"format":"aligned-in-the-browser/run","version":9,"events":[]}')).toMatchObject({ ok: false, problem: expect.stringMatching(/version 9; this app reads version 1/) });
    expect(parseRunFile('{"format":"aligned-in-the-browser/run","version":1,"events":[]}')).toMatchObject({ ok: false, problem: 'This run file holds no events.' });
  });

  it('names the first malformed event and what is wrong with it', async () => {
    const events = copy(await recorded());
    const step = events.findIndex((e) => e['type'] === 'step');
    const broken = events.map((e, i) => (i === step ? { ...e, totals: { ...(e['totals'] as object), decodedTokens: 'many' } } : e));
    expect(parseRunFile(file(broken))).toEqual({
      ok: false, problem: `Event ${step + 1} of the run file (a step event of Best-of-N) has a wrong "totals.decodedTokens": it must be a number, not "many".`,
    });
    expect(parseRunFile(file([{ ...events[0], method: 'mcts' }]))).toMatchObject({ problem: expect.stringMatching(/"method": it must be bon, spr or treebon, not "mcts"/) });
    expect(parseRunFile(file([{ ...events[0], type: 'explode' }]))).toEqual({ ok: false, problem: 'Event 1 of the run file has an unknown type "explode".' });
    expect(parseRunFile(file([events[0], 7]))).toEqual({ ok: false, problem: 'Event 2 of the run file is not an object.' });
    expect(parseRunFile(file([{ ...events[0], prompt: undefined }]))).toMatchObject({ problem: expect.stringMatching(/"prompt": it is missing/) });
    expect(parseRunFile(file(events.filter((e) => e['type'] !== 'run-start')))).toMatchObject({ problem: 'This run file has no run-start event.' });
    expect(parseRunFile(file(events.slice(1)))).toMatchObject({ problem: 'Event 1 of the run file (a spawn event of Best-of-N) contradicts the run: a spawn event comes before the method\'s run-start.' });
  });

  it('refuses nonsense numbers: negative, fractional counts, a "-3 × 0" budget', async () => {
    const events = copy(await recorded());
    const start = { ...events[0], n: -3, maxNewTokens: 0 };
    expect(parseRunFile(file([start, ...events.slice(1)]))).toMatchObject({ ok: false, problem: 'Event 1 of the run file (a run-start event of Best-of-N) has a wrong "n": it must be at least 1, not -3.' });
    expect(parseRunFile(file([{ ...events[0], promptTokens: 2.5 }]))).toMatchObject({ problem: expect.stringMatching(/"promptTokens": it must be a whole number, not 2.5/) });
    const step = events.findIndex((e) => e['type'] === 'step');
    const negative = events.map((e, i) => (i === step ? { ...e, kvBytes: -1 } : e));
    expect(parseRunFile(file(negative))).toMatchObject({ problem: expect.stringMatching(/"kvBytes": it must not be negative, not -1/) });
    const hot = [{ ...events[0], sampling: { temperature: -1, topK: 50, topP: 1 } }, ...events.slice(1)];
    expect(parseRunFile(file(hot))).toMatchObject({ problem: 'Event 1 of the run file (a run-start event of Best-of-N) has a wrong "sampling.temperature": Temperature must be at least 0, not -1.' });
  });

  it('refuses a log whose events contradict each other, naming the first that does', async () => {
    const events = copy(await recorded());
    const index = (type: string, method = 'bon') => events.findIndex((e) => e['type'] === type && e['method'] === method);
    const edit = (i: number, change: Record<string, unknown>) => parseRunFile(file(events.map((e, j) => (j === i ? { ...e, ...change } : e))));
    const finish = index('finish');
    expect(edit(finish, { id: 999 })).toEqual({ ok: false, problem: `Event ${finish + 1} of the run file (a finish event of Best-of-N) contradicts the run: it names candidate 999, which was never spawned.` });
    const spawn = index('spawn', 'treebon');
    const later = events.findIndex((e, i) => i > spawn && e['type'] === 'spawn' && e['method'] === 'treebon');
    const children = events[later]!['candidates'] as { parent: number | null }[];
    expect(edit(later, { candidates: [{ ...children[0], parent: 555 }, ...children.slice(1)] })).toMatchObject({ problem: expect.stringMatching(/parent 555 was never spawned/) });
    const step = index('step');
    const totals = events[step]!['totals'] as Record<string, number>;
    expect(edit(step, { totals: { ...totals, decodedTokens: totals['decodedTokens']! + 5 } })).toMatchObject({ problem: expect.stringMatching(/contradicts the run: .* alive rows after 0 decoded tokens make/) });
    const end = index('run-end');
    const winner = events[end]!['winner'] as Record<string, unknown>;
    const finals = (events[index('final')]!['candidates'] as { id: number }[]).map((c) => c.id);
    const spawned = (events[index('spawn')]!['candidates'] as { id: number }[]).map((c) => c.id);
    const outsider = spawned.find((id) => !finals.includes(id));
    if (outsider !== undefined) expect(edit(end, { winner: { ...winner, id: outsider } })).toMatchObject({ problem: expect.stringMatching(/is not among the method's final responses/) });
    expect(edit(end, { winner: { ...winner, finished: false } })).toMatchObject({ problem: expect.stringMatching(/is not a complete response/) });
    expect(edit(end, { totals: { ...(events[end]!['totals'] as object), decodedTokens: 1 } })).toMatchObject({ problem: expect.stringMatching(/decodedTokens \(1\) is below the \d+ counted before/) });
    expect(edit(finish, { reason: 'max-length', length: 3 })).toMatchObject({ problem: expect.stringMatching(/reached max length at 3 tokens/) });
    const startAgain = [...events.slice(0, 3), events[0], ...events.slice(3)];
    expect(parseRunFile(file(startAgain))).toMatchObject({ problem: expect.stringMatching(/^Event 4 .* the method has started already/) });
    const afterEnd = [...events.slice(0, end + 1), events[step], ...events.slice(end + 1)];
    expect(parseRunFile(file(afterEnd))).toMatchObject({ problem: expect.stringMatching(/a step event comes after the method's run-end/) });
  });
});
