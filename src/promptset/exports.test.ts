// Pure tests of a prompt's outcome and the four exports, on hand-written event logs (no models).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../core/events.ts';
import { bonEvents, sprEvents, twoMethodRun } from '../app/fixtures/two-method-run.ts';
import { exportFileName, exportPromptSet, sidecarName } from './exports.ts';
import type { ExportRequest } from './exportRequest.ts';
import { DEFAULT_PAIR_OPTIONS } from './preferencePair.ts';
import { promptOutcome } from './promptOutcome.ts';

/** The fixture run with another prompt (and, optionally, another KV budget). */
const runFor = (prompt: string, kvBudgetBytes?: number): RunEvent[] =>
  twoMethodRun.map((e) => (e.type === 'run-start' ? { ...e, prompt, ...(kvBudgetBytes !== undefined && { kvBudgetBytes }) } : e));
const request = (format: ExportRequest['format'], patch: Partial<ExportRequest> = {}): ExportRequest => ({ format, ...DEFAULT_PAIR_OPTIONS, ...patch });
const jsonLines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
const source = { name: 'prompts.json', prompts: 3 };

describe('promptOutcome', () => {
  it('reads each method\'s complete answers, winner, worst and compute from the log', () => {
    const outcome = promptOutcome(4, twoMethodRun);
    expect(outcome).toMatchObject({ index: 4, prompt: 'Say something kind.', settings: { generator: 'fixture-gen', scorers: ['fixture-reward'], maxNewTokens: 4 } });
    const [bon, spr] = outcome.methods;
    expect(bon).toMatchObject({ method: 'bon', bestReward: 2.5, worstReward: -1, winnerId: 2, winnerText: 'What a lovely day', stopped: false });
    expect(bon!.answers.map((a) => [a.id, a.reward, a.finish])).toEqual([[0, 0.5, 'max-length'], [1, 1.5, 'stop-token'], [2, 2.5, 'max-length'], [3, -1, 'max-length']]);
    // Speculative Rejection's rejected partial answers are not answers.
    expect(spr!.answers.map((a) => a.text)).toEqual(['You are very kind', 'What a lovely day']);
    expect(outcome.picture?.bestOfN).toHaveLength(4);
  });
});

describe('exportPromptSet', () => {
  const outcomes = [promptOutcome(0, runFor('first, with a comma')), promptOutcome(2, runFor('third\nwith "quotes"'))];

  it('sft: the best complete answer per prompt, with its provenance in the sidecar', () => {
    const files = exportPromptSet(outcomes, source, request('sft'));
    expect(jsonLines(files.data)).toEqual([
      { prompt: 'first, with a comma', completion: 'What a lovely day' },
      { prompt: 'third\nwith "quotes"', completion: 'What a lovely day' },
    ]);
    const meta = JSON.parse(files.meta);
    expect(meta).toMatchObject({
      format: 'aligned-in-the-browser/export', kind: 'sft', lines: 2, promptSet: { name: 'prompts.json', prompts: 3, finished: 2 },
      models: { generator: 'fixture-gen', scorers: ['fixture-reward'] }, options: { from: 'all' }, skipped: [],
    });
    expect(meta.answers[0]).toEqual({ index: 0, chosen: { method: 'bon', candidate: 2, reward: 2.5 } });
    expect(meta.rule).toContain('completion: the highest-scoring one');
  });

  it('preference: chosen the best, rejected the lowest (or a seeded pick below the median), from one method or all', () => {
    const lowest = exportPromptSet(outcomes, source, request('preference'));
    expect(jsonLines(lowest.data)[0]).toEqual({ prompt: 'first, with a comma', chosen: 'What a lovely day', rejected: 'Go away now please' });
    expect(JSON.parse(lowest.meta).answers[0]).toEqual({ index: 0, chosen: { method: 'bon', candidate: 2, reward: 2.5 }, rejected: { method: 'bon', candidate: 3, reward: -1 } });

    const fromSpr = exportPromptSet(outcomes, source, request('preference', { from: 'spr' }));
    expect(jsonLines(fromSpr.data)[0]).toMatchObject({ chosen: 'What a lovely day', rejected: 'You are very kind' });

    // Five distinct texts pooled (bon's four, spr's "You are very kind"): median 1.4; below it 0.5 and -1.
    const below = exportPromptSet(outcomes, source, request('preference', { rejected: 'below-median', pairSeed: 7 }));
    const picked = jsonLines(below.data).map((l) => l['rejected']);
    for (const text of picked) expect(['Hello there my friend', 'Go away now please']).toContain(text);
    expect(exportPromptSet(outcomes, source, request('preference', { rejected: 'below-median', pairSeed: 7 })).data).toBe(below.data);
    expect(JSON.parse(below.meta)).toMatchObject({ options: { from: 'all', rejected: 'below-median', pairSeed: 7 } });
    expect(JSON.parse(below.meta).rule).toContain('seed 7');
  });

  it('skips a prompt whose pair ties or that has one answer, and one stopped before the end, saying why', () => {
    const tie = (e: RunEvent): RunEvent => (e.type === 'final' ? { ...e, candidates: e.candidates.map((c) => ({ ...c, scores: [1], text: c.text })) } : e);
    const stopped = (e: RunEvent): RunEvent => (e.type === 'run-end' && e.method === 'spr' ? { ...e, stopped: true } : e);
    const set = [promptOutcome(0, twoMethodRun.map(tie)), promptOutcome(1, bonEvents.map((e) => (e.type === 'final' ? { ...e, candidates: e.candidates.slice(0, 1) } : e))), promptOutcome(2, twoMethodRun.map(stopped))];
    const files = exportPromptSet(set, source, request('preference', { from: 'bon' }));
    expect(files.data).toBe('');
    expect(JSON.parse(files.meta).skipped).toEqual([
      { index: 0, why: 'the chosen and rejected answers score the same' },
      { index: 1, why: 'only one complete non-empty answer' },
      { index: 2, why: 'stopped before the end' },
    ]);
  });

  it('scored: every complete answer with its rewards, method, seed and models', () => {
    const lines = jsonLines(exportPromptSet(outcomes, source, request('scored')).data);
    expect(lines).toHaveLength(2 * 6);
    expect(lines[2]).toEqual({
      index: 0, prompt: 'first, with a comma', method: 'bon', candidate: 2, text: 'What a lovely day', reward: 2.5, scores: [2.5],
      scorers: ['fixture-reward'], length: 4, finish: 'max-length', chosen: true, seed: null, generator: 'fixture-gen',
    });
    expect(lines.filter((l) => l['chosen'])).toHaveLength(4);
  });

  it('csv: one row per prompt, quoted where needed, that a CSV reader gives back', () => {
    const files = exportPromptSet(outcomes, source, request('csv'));
    const parsed = Papa.parse<Record<string, string>>(files.data.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      'index', 'prompt', ...['bon', 'spr'].flatMap((m) => ['best_reward', 'decoded_tokens', 'prefill_tokens', 'reward_tokens', 'wall_s'].map((f) => `${m}_${f}`)),
    ]);
    expect(parsed.data[1]).toMatchObject({ index: '2', prompt: 'third\nwith "quotes"', bon_best_reward: '2.5', bon_decoded_tokens: '15', spr_wall_s: '0.055' });
    expect(files.lines).toBe(2);
  });

  it('says which settings differ between prompts, and is the same bytes for the same outcomes, stored and read back', () => {
    const varied = [promptOutcome(0, runFor('a', 1000)), promptOutcome(1, runFor('b', 2000))];
    const meta = JSON.parse(exportPromptSet(varied, source, request('scored')).meta);
    expect(meta.settings.kvBudgetBytes).toBe('varies by prompt');
    expect(meta.settings.maxNewTokens).toBe(4);
    expect(meta.settings.methods.spr.params).toEqual({ alpha: 0.5, decisionLengths: [2] });
    for (const format of ['sft', 'preference', 'scored', 'csv'] as const) {
      const a = exportPromptSet(outcomes, source, request(format));
      const b = exportPromptSet(structuredClone(outcomes).reverse(), source, request(format));
      expect(b).toEqual(a);
    }
  });

  it('names the files after the prompt file', () => {
    expect(exportFileName('alpacafarm-eval-805.json', 'preference')).toBe('alpacafarm-eval-805.preference.jsonl');
    expect(exportFileName('p.csv', 'csv')).toBe('p.totals.csv');
    expect(sidecarName('alpacafarm-eval-805.preference.jsonl')).toBe('alpacafarm-eval-805.preference.meta.json');
    expect(sidecarName('out/prefs.csv')).toBe('out/prefs.meta.json');
  });

  it('never picks an empty answer for training (it stays in the scored file)', () => {
    const empty = (e: RunEvent): RunEvent => (e.type === 'final' && e.method === 'bon' ? { ...e, candidates: e.candidates.map((c) => (c.id === 3 ? { ...c, text: '' } : c)) } : e);
    const outcome = promptOutcome(0, twoMethodRun.map(empty));
    expect(jsonLines(exportPromptSet([outcome], source, request('preference')).data)[0]!['rejected']).toBe('Hello there my friend');
    expect(exportPromptSet([outcome], source, request('scored')).data).toContain('"text":""');
  });

  it('never exports the answers of a log cut off mid-run as finished', () => {
    const cut = promptOutcome(0, sprEvents.slice(0, -1).concat({ ...sprEvents.at(-1)!, stopped: true } as RunEvent));
    expect(exportPromptSet([cut], source, request('sft')).data).toBe('');
  });
});
