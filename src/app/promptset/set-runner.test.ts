// The set runner with a FAKE prompt runner (hand-written logs, no worker) and an in-memory IndexedDB:
// prompts run one by one and each is kept at once; a new page (a reload) resumes with only the prompts
// not kept; Stop keeps nothing of the prompt in flight; a refused prompt is said and not run again.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../core/config.ts';
import type { RunEvent } from '../../core/events.ts';
import { twoMethodRun } from '../fixtures/two-method-run.ts';
import { initialRunForm } from '../run/run-form.ts';
import { initialSession, type SessionState } from '../state/session.ts';
import { createStore } from '../state/store.ts';
import { createArchive } from '../storage/archive.ts';
import { openArchiveDb } from '../storage/db.ts';
import type { PromptRunResult } from './prompt-run.ts';
import { createSetRunner } from './set-runner.ts';

let databases = 0;
const loaded: SessionState = {
  ...initialSession, phase: 'ready',
  loaded: {
    generator: { id: 'fixture-gen', kvBytesPerToken: 64, maxPositions: null, vocabSize: 10 }, scorers: [{ id: 'fixture-reward', label: 'r', kind: 'classifier' }],
    device: 'wasm', dtype: 'fp32', loadMs: 1, warmupMs: 1,
  },
};
const logFor = (prompt: string): RunEvent[] => twoMethodRun.map((e) => (e.type === 'run-start' ? { ...e, prompt } : e));
const form = { ...initialRunForm('x'), n: '4', maxNewTokens: '4', kvBudgetTokens: '64', methods: ['bon', 'spr'] as const };

/** A page: its own runner over the shared database `name`; `run` answers each prompt's run. */
function page(name: string, run: (config: RunConfig) => Promise<PromptRunResult>) {
  const archive = createArchive({ open: () => openArchiveDb(name), locks: null, page: null });
  const ran: string[] = [];
  const sets = createSetRunner({
    session: createStore(loaded), form: createStore(form), archive, locks: null,
    runPrompt: (config) => {
      ran.push(config.prompt);
      return run(config);
    },
    stop: () => undefined, showRun: () => true, openRun: () => null,
  });
  return { sets, ran, archive };
}
const done = async (config: RunConfig): Promise<PromptRunResult> => ({ kind: 'done', events: logFor(config.prompt) });
const PROMPTS = JSON.stringify(['p0', 'p1', 'p2', 'p3', 'p4']);

describe('createSetRunner', () => {
  it('runs every prompt once with the form\'s settings, keeping each as it finishes', async () => {
    const { sets, ran, archive } = page(`set-runner-${++databases}`, done);
    sets.openFile(PROMPTS, 'p.json');
    await sets.run();
    expect(ran).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    const open = sets.state.get().open!;
    expect(open).toMatchObject({ status: 'done', models: { generator: 'fixture-gen', scorers: ['fixture-reward'] } });
    expect(open.config).toMatchObject({ n: 4, maxNewTokens: 4, methods: ['bon', 'spr'], prompt: '' });
    expect((await (await archive.sets()).outcomes(open.id!)).map((o) => o.prompt)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(sets.state.get().kept).toMatchObject([{ finished: 5, set: { ending: 'done', name: 'p.json' } }]);
    const pref = sets.exportFiles({ format: 'preference', from: 'all', rejected: 'lowest', pairSeed: 1 })!;
    expect(pref.data.name).toBe('p.preference.jsonl');
    expect(pref.lines).toBe(5);
  });

  it('after a reload mid-prompt, Resume runs only the prompts not kept, and the set ends with each once', async () => {
    const name = `set-runner-${++databases}`;
    let calls = 0;
    // The first page "closes" during its third prompt: that run never returns.
    const first = page(name, (config) => (++calls === 3 ? new Promise<PromptRunResult>(() => undefined) : done(config)));
    first.sets.openFile(PROMPTS, 'p.json');
    void first.sets.run();
    await expect.poll(() => first.sets.state.get().open?.current).toBe(2);
    const id = first.sets.state.get().open!.id!;

    const second = page(name, done);
    second.sets.start();
    await expect.poll(() => second.sets.state.get().kept).toMatchObject([{ finished: 2, set: { id, ending: 'running' } }]);
    await second.sets.openKept(id);
    expect(second.sets.state.get().open).toMatchObject({ status: 'stopped', id });
    await second.sets.run();
    expect(second.ran).toEqual(['p2', 'p3', 'p4']);
    const outcomes = await (await second.archive.sets()).outcomes(id);
    expect(outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
    expect(second.sets.state.get().open?.status).toBe('done');
  });

  it('Stop mid-prompt keeps nothing of it; "stop after this prompt" keeps it; a refused prompt is said and skipped', async () => {
    let stops = 0;
    const { sets, ran, archive } = page(`set-runner-${++databases}`, async (config) => {
      if (config.prompt === 'p1' && stops++ === 0) return { kind: 'stopped', events: logFor('p1').slice(0, 5) };
      if (config.prompt === 'p2') return { kind: 'failed', error: { code: 'invalid-config', message: 'The prompt is too long.' } };
      if (config.prompt === 'p3') sets.stopAfterPrompt();
      return done(config);
    });
    sets.openFile(PROMPTS, 'p.json');
    await sets.run();
    const id = sets.state.get().open!.id!;
    expect(sets.state.get().open).toMatchObject({ status: 'stopped' });
    expect((await (await archive.sets()).outcomes(id)).map((o) => o.index)).toEqual([0]);
    await sets.run();
    expect(sets.state.get().open).toMatchObject({ status: 'stopped', refused: { 2: 'The prompt is too long.' } });
    expect(ran).toEqual(['p0', 'p1', 'p1', 'p2', 'p3']);
    expect((await (await archive.sets()).outcomes(id)).map((o) => o.index)).toEqual([0, 1, 3]);
  });

  it('names the first bad line of a malformed file and keeps the set it had', () => {
    const { sets } = page(`set-runner-${++databases}`, done);
    sets.openFile('"a"\n"b"\n{"prompt": \n', 'bad.jsonl');
    expect(sets.state.get()).toMatchObject({ open: null, fileProblem: expect.stringContaining('bad.jsonl, line 3') });
  });

  it('refuses to resume with other models than the set ran with', async () => {
    const { sets } = page(`set-runner-${++databases}`, done);
    sets.openFile(PROMPTS, 'p.json');
    sets.state.update((s) => ({ ...s, open: { ...s.open!, id: 'x', config: { ...s.open!.config!, n: 4 } as RunConfig, models: { generator: 'other', scorers: ['r'] }, status: 'stopped' } }));
    await sets.run();
    expect(sets.state.get().open?.problem).toMatch(/ran with the generator other/);
  });
});
