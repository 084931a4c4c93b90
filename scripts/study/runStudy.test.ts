// The study end to end on the built-in models (real onnxruntime-node): answers printed unless --quiet,
// the reward-versus-compute table, the figure file, and answers that are complete responses.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyArgs } from './args.ts';
import { runStudy } from './runStudy.ts';
import { parseRunFile } from '../../src/core/runFile.ts';
import { exportPromptSet, sidecarName } from '../../src/promptset/exports.ts';
import { DEFAULT_PAIR_OPTIONS } from '../../src/promptset/preferencePair.ts';
import { promptOutcome } from '../../src/promptset/promptOutcome.ts';

async function study(extra: string[]): Promise<{ printed: string; results: Awaited<ReturnType<typeof runStudy>> }> {
  const dir = await mkdtemp(join(tmpdir(), 'study-'));
  await writeFile(join(dir, 'p.json'), JSON.stringify(['the weather today', 'my friend said that']));
  const lines: string[] = [];
  const args = parseStudyArgs(['--generator', 'builtin', '--reward', 'builtin', '--prompts', join(dir, 'p.json'), '--n', '8', '--max-new-tokens', '16', ...extra])!;
  const results = await runStudy(args, { print: (text) => lines.push(text), log: () => {} });
  return { printed: lines.join('\n'), results };
}

describe('the study command', () => {
  it('prints each method\'s chosen answer, the reward-versus-compute table, and draws the figure', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'figure-'));
    const figure = join(dir, 'f.svg');
    const { printed, results } = await study(['--figure', figure, '--spr-start', 'memory']);
    for (const prompt of results.prompts) {
      for (const m of prompt.methods) expect(printed).toContain(`chose: ${JSON.stringify(m.winnerText)}`);
    }
    expect(printed).toContain('### Reward versus compute (means over 2 prompt(s), per prompt)');
    expect(printed).toMatch(/\| Best-of-8 \(run\) \| [-\d.]+ \| 100\.0 \|/);
    expect(printed).toContain('Speculative Rejection, α = 0.5 (replay, same N)');
    expect(printed).toMatch(/Speculative Rejection \(mean reward [-\d.]+\): Best-of-N (reaches it at N = \d+|never reaches it)/);
    const svg = await readFile(figure, 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('<polyline');
    expect(svg).toContain('the same memory');
  });

  it('leaves the answers out with --quiet', async () => {
    const { printed } = await study(['--quiet', '--methods', 'bon']);
    expect(printed).not.toContain('chose:');
  });
});

describe('the study\'s --export', () => {
  it('writes each format with its sidecar, the same bytes the shared exporter gives for the saved runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'export-'));
    const file = (name: string) => join(dir, name);
    const formats = ['sft', 'preference', 'scored', 'csv'] as const;
    const names = { sft: 'sft.jsonl', preference: 'pref.jsonl', scored: 'scored.jsonl', csv: 'totals.csv' };
    const flags = formats.flatMap((f) => ['--export', file(names[f]), '--format', f]);
    const { results } = await study(['--methods', 'bon,spr,treebon', '--quiet', '--save-runs', file('runs'), ...flags]);
    const prompts = results.prompts.map((p) => p.prompt);

    const runs = await Promise.all(prompts.map(async (_, i) => {
      const parsed = parseRunFile(await readFile(file(`runs/run-00${i + 1}.json`), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.problem);
      return promptOutcome(i, parsed.events);
    }));
    for (const format of formats) {
      const expected = exportPromptSet(runs, { name: 'p.json', prompts: prompts.length }, { format, ...DEFAULT_PAIR_OPTIONS });
      expect(await readFile(file(names[format]), 'utf8')).toBe(expected.data);
      expect(await readFile(sidecarName(file(names[format])), 'utf8')).toBe(expected.meta);
    }

    const sft = (await readFile(file('sft.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(sft.map((l) => l.prompt)).toEqual(prompts);
    const meta = JSON.parse(await readFile(file('pref.meta.json'), 'utf8'));
    expect(meta).toMatchObject({ kind: 'preference', models: { generator: 'builtin-brown-lm', scorers: ['builtin-afinn-reward'] }, settings: { seed: 1, maxNewTokens: 16 } });
    const pairs = (await readFile(file('pref.jsonl'), 'utf8')).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
    expect(pairs.length + meta.skipped.length).toBe(prompts.length);
    pairs.forEach((pair, i) => {
      expect(Object.keys(pair)).toEqual(['prompt', 'chosen', 'rejected']);
      expect(meta.answers[i].chosen.reward).toBeGreaterThan(meta.answers[i].rejected.reward);
    });
    const scored = (await readFile(file('scored.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    for (const line of scored) expect(['stop-token', 'max-length']).toContain(line.finish);
  });

  it('refuses a format it does not know and an unpaired --export before any model loads', () => {
    expect(() => parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p', '--export', 'x.jsonl', '--format', 'dpo'])).toThrow(/--format must be one of sft, preference, scored, csv/);
    expect(() => parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p', '--export', 'x.jsonl'])).toThrow(/one --format for each --export/);
    expect(() => parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p', '--export-from', 'treebon'])).toThrow(/--export-from must be all or one of the methods run/);
    expect(() => parseStudyArgs(['--generator', 'g', '--reward', 'r', '--prompts', 'p', '--kv-budget-mb', '1', '--kv-budget-tokens', '100'])).toThrow(/not both/);
  });
});
