// The study end to end on the built-in models (real onnxruntime-node): answers printed unless --quiet,
// the reward-versus-compute table, the figure file, and answers that are complete responses.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyArgs } from './args.ts';
import { runStudy } from './runStudy.ts';

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
