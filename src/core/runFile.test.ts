// Run files round-trip a real engine log (on the FAKE backend, testing/fake-backend.ts: pure logic,
// no model) and refuse what the app could not show, with a message that says why.
import { describe, expect, it } from 'vitest';
import type { MethodId, RunEvent } from './events.ts';
import { runAlignment } from './runAlignment.ts';
import { parseRunFile, runFileText } from './runFile.ts';
import { FakeGenerator, FakeScorer } from './testing/fake-backend.ts';
import { fakeRunConfig } from './testing/trajectory.ts';

async function recorded(): Promise<RunEvent[]> {
  const config = { ...fakeRunConfig({ n: 8, prefixScoreLengths: [4, 8] }), methods: ['bon', 'spr', 'treebon'] satisfies MethodId[] };
  return runAlignment(config, { generator: new FakeGenerator(), scorers: [new FakeScorer()], onEvent: () => {} });
}

describe('run files', () => {
  it('round-trips every event of a three-method run', async () => {
    const events = await recorded();
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['run-start', 'spawn', 'step', 'finish', 'decision', 'final', 'prefix-scores', 'run-end']));
    const parsed = parseRunFile(runFileText(events, new Date('2026-11-23T10:00:00Z')));
    expect(parsed).toEqual({ ok: true, events: JSON.parse(JSON.stringify(events)), savedAt: '2026-11-23T10:00:00.000Z' });
  });

  it('explains a file that is not JSON, not a run, of another version, or empty', () => {
    expect(parseRunFile('{oops')).toMatchObject({ ok: false, problem: expect.stringMatching(/not JSON/) });
    expect(parseRunFile('{"models": []}')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a run saved by this app/) });
    expect(parseRunFile('{"format":"aligned-in-the-browser/run","version":9,"events":[]}')).toMatchObject({ ok: false, problem: expect.stringMatching(/version 9; this app reads version 1/) });
    expect(parseRunFile('{"format":"aligned-in-the-browser/run","version":1,"events":[]}')).toMatchObject({ ok: false, problem: 'This run file holds no events.' });
  });

  it('names the first malformed event and what is wrong with it', async () => {
    const events = (await recorded()).map((e) => ({ ...e })) as Record<string, unknown>[];
    const file = (list: unknown[]) => JSON.stringify({ format: 'aligned-in-the-browser/run', version: 1, events: list });
    const step = events.findIndex((e) => e['type'] === 'step');
    const broken = events.map((e, i) => (i === step ? { ...e, totals: { decodedTokens: 'many' } } : e));
    expect(parseRunFile(file(broken))).toEqual({ ok: false, problem: `Event ${step + 1} of the run file is a step event with a missing or malformed "totals".` });
    expect(parseRunFile(file([{ ...events[0], method: 'mcts' }]))).toMatchObject({ problem: expect.stringMatching(/unknown method "mcts"/) });
    expect(parseRunFile(file([{ ...events[0], type: 'explode' }]))).toMatchObject({ problem: expect.stringMatching(/unknown type "explode"/) });
    expect(parseRunFile(file(events.filter((e) => e['type'] !== 'run-start')))).toMatchObject({ problem: 'This run file has no run-start event.' });
  });
});
