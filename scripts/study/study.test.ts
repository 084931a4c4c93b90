// Pure tests of the study command's argument parsing, prompt reading and tables (no models involved).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyArgs } from './args.ts';
import { runStudy } from './runStudy.ts';
import { readPrompts } from './prompts.ts';
import { improvement, promptTable, totalsTable, winRate, type PromptResult } from './report.ts';
import type { RunTotals } from '../../src/core/events.ts';

describe('parseStudyArgs', () => {
  it('reads TreeBoN and combining flags', () => {
    const args = parseStudyArgs(['--generator', 'g', '--reference', 'r', '--prompts', 'p', '--methods', 'bon,spr,treebon', '--children', '1', '--layers', '3', '--ucb', '0.5', '--ucb-floor', '0', '--combine', 'softmin', '--softmin-temperature', '0.2']);
    expect(args).toMatchObject({ methods: ['bon', 'spr', 'treebon'], children: 1, layers: 3, ucb: 0.5, ucbFloor: 0, combine: 'softmin', softminTemperature: 0.2, rewards: [], reference: 'r' });
    expect(parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p'])).toMatchObject({ ucb: undefined, ucbFloor: undefined, softminTemperature: undefined, saveRuns: undefined });
    expect(parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p', '--save-runs', 'runs'])).toMatchObject({ saveRuns: 'runs' });
  });

  it('reads flags, repeated rewards and defaults', () => {
    const args = parseStudyArgs(['--generator', 'g', '--reward', 'a', '--reward', 'b', '--prompts', 'p.json', '--n', '8', '--temperature', '0']);
    expect(args).toMatchObject({ generator: 'g', rewards: ['a', 'b'], n: 8, temperature: 0, alpha: 0.5, methods: ['bon', 'spr'], seed: 1 });
  });
  it('rejects a non-number, an unknown flag and a missing generator with one-line messages', () => {
    expect(() => parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p', '--n', 'many'])).toThrow('--n must be a number, got "many"');
    expect(() => parseStudyArgs(['--generator', 'g', '--bogus'])).toThrow(/Unknown option '--bogus'/);
    expect(() => parseStudyArgs(['--prompts', 'p', '--reward', 'r'])).toThrow('--generator is required');
    expect(() => parseStudyArgs(['--generator', 'g', '--prompts', 'p'])).toThrow(/give a reward/);
  });
  it('returns null for --help', () => expect(parseStudyArgs(['--help'])).toBeNull());

  it('reads the start of Speculative Rejection: same N or same memory, with its cap', () => {
    expect(parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p'])).toMatchObject({ sprStart: 'n', sprMaxStart: 1000, quiet: false });
    expect(parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p', '--spr-start', 'memory', '--spr-max-start', '300', '--quiet', '--figure', 'f.svg']))
      .toMatchObject({ sprStart: 'memory', sprMaxStart: 300, quiet: true, figure: 'f.svg' });
  });

  it('checks every setting before loading any model: a typo never costs a download', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompts-'));
    await writeFile(join(dir, 'p.json'), JSON.stringify(['hello there']));
    // The models named here do not exist: had they been loaded first, the error would be about them.
    const bad = (flags: string[]) =>
      runStudy(parseStudyArgs(['--generator', 'no/such-model', '--reward', 'no/such-reward', '--prompts', join(dir, 'p.json'), ...flags])!, { print: () => {}, log: () => {} });
    await expect(bad(['--n', '0'])).rejects.toThrow(/^--n: N must be between 1 and 1024/);
    await expect(bad(['--alpha', '1.5'])).rejects.toThrow(/^--alpha:/);
    await expect(bad(['--methods', 'bon,sprr'])).rejects.toThrow(/^--methods: Unknown method "sprr"/);
    await expect(bad(['--spr-start', 'gpu'])).rejects.toThrow(/^--spr-start:/);
    await expect(bad(['--decision-lengths', '9,3'])).rejects.toThrow(/^--decision-lengths:/);
    await expect(bad([])).rejects.toThrow(/no\/such-model/);
  });
});

describe('readPrompts', () => {
  it('reads the shapes of the shared prompt sets: arrays and JSON Lines of strings or objects', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompts-'));
    await writeFile(join(dir, 'a.json'), JSON.stringify([{ id: 0, instruction: 'one', dataset: 'x' }, { prompt: 'two' }, 'three']));
    await writeFile(join(dir, 'b.jsonl'), '"four"\n\n{"prompt": "five"}\n');
    expect(await readPrompts(join(dir, 'a.json'))).toEqual(['one', 'two', 'three']);
    expect(await readPrompts(join(dir, 'a.json'), 2)).toEqual(['one', 'two']);
    expect(await readPrompts(join(dir, 'b.jsonl'))).toEqual(['four', 'five']);
  });
  it('explains a missing file, bad JSON and a bad item', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompts-'));
    await writeFile(join(dir, 'bad.json'), '{"not": "an array"}');
    await writeFile(join(dir, 'item.jsonl'), '{"text": "no instruction"}\n');
    await expect(readPrompts(join(dir, 'missing.json'))).rejects.toThrow(/cannot read prompts file/);
    await expect(readPrompts(join(dir, 'bad.json'))).rejects.toThrow(/must hold a JSON array/);
    await expect(readPrompts(join(dir, 'item.jsonl'))).rejects.toThrow(/item.jsonl, line 1: item 1 is neither a string/);
  });
  it('reads HH-RLHF transcripts, irregular ones too, and names the first bad item or line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompts-'));
    const hh = '\n\nHuman: hello\n\nAssistant: why\n\nHuman: tell me more\n\nAssistant:';
    await writeFile(join(dir, 'hh.json'), JSON.stringify([{ prompt: hh }, 'Human: hi\n\nAssistant:']));
    expect(await readPrompts(join(dir, 'hh.json'))).toEqual([hh, 'Human: hi\n\nAssistant:']);
    // Turns that do not alternate are read as one message (conversation.ts), as in 8 prompts of the shared HH-RLHF set.
    await writeFile(join(dir, 'twice.jsonl'), `"fine"\n\n${JSON.stringify({ prompt: 'Human: a\n\nHuman: b\n\nAssistant:' })}\n`);
    expect(await readPrompts(join(dir, 'twice.jsonl'))).toEqual(['fine', 'Human: a\n\nHuman: b\n\nAssistant:']);
    await writeFile(join(dir, 'bad-line.jsonl'), `"fine"\n\n${JSON.stringify({ text: 'x' })}\n`);
    await expect(readPrompts(join(dir, 'bad-line.jsonl'))).rejects.toThrow(/bad-line.jsonl, line 3: item 2 is neither a string/);
    await writeFile(join(dir, 'blank.json'), JSON.stringify(['ok', { instruction: '  ' }, 7]));
    await expect(readPrompts(join(dir, 'blank.json'))).rejects.toThrow(/blank.json, line 1: item 2 is neither a string nor an object with a non-empty "instruction" or "prompt"/);
    await writeFile(join(dir, 'number.json'), JSON.stringify(['ok', { instruction: 7 }]));
    await expect(readPrompts(join(dir, 'number.json'))).rejects.toThrow(/item 2 is neither/);
    await writeFile(join(dir, 'broken.jsonl'), '"ok"\n{oops\n');
    await expect(readPrompts(join(dir, 'broken.jsonl'))).rejects.toThrow(/broken.jsonl, line 2: this line is not valid JSON/);
  });
});

describe('report', () => {
  const totals = (decoded: number, wallMs: number): RunTotals => ({
    decodedTokens: decoded, prefillTokens: 10, rewardTokens: 20, steps: 5, peakKvBytes: 2 ** 20, wallMs, generateMs: 0, scoreMs: 0, pruneMs: 0,
  });
  const results: PromptResult[] = [
    { prompt: 'p1', methods: [{ method: 'bon', bestReward: 1, worstReward: 0, winnerText: '', totals: totals(400, 2000) }, { method: 'spr', bestReward: 1, winnerText: '', totals: totals(100, 500) }] },
    { prompt: 'p2', methods: [{ method: 'bon', bestReward: 2, worstReward: 1, winnerText: '', totals: totals(400, 2000) }, { method: 'spr', bestReward: 3, winnerText: '', totals: totals(200, 1000) }] },
  ];
  it('prints ratios against Best-of-N', () => {
    expect(promptTable(results[0]!, 0)).toContain('| Speculative Rejection / Best-of-N | Δ 0.000 | 0.25x |');
    const total = totalsTable(results);
    expect(total).toContain('| Best-of-N | 1.500 | 800 |');
    expect(total).toContain('| Speculative Rejection / Best-of-N | Δ 0.500 | 0.38x |');
    expect(total).toContain('win rate against Best-of-N under the reward: 75.0%');
    expect(total).not.toContain('Decode budget');
    expect(totalsTable(results, 400)).toContain('Decode budget N x max new tokens: 800 tokens in all; decoded: Best-of-N 800 (100.0%), Speculative Rejection 300 (37.5%).');
  });
  it('counts ties as half a win', () => expect(winRate(results, 'spr')).toBe(0.75));
  it('prints the reference\'s improvement score: Best-of-N 100, its worst answer 0', () => {
    // p1: (1 - 1) / (1 - 0) = 0; p2: (3 - 2) / (2 - 1) = 1; 100 x (1 + 0.5).
    expect(improvement(results, 'spr')).toEqual({ score: 150, prompts: 2, skipped: 0 });
    expect(totalsTable(results)).toContain('Improvement score (the reference\'s plot_compare.py; Best-of-N = 100, its worst answer = 0): Speculative Rejection 150.0 (over 2 prompt(s))');
  });
});
