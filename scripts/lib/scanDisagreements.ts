// Best-of-N and Speculative Rejection at the same N over prompts × seeds: what Speculative Rejection did
// with Best-of-N's answer in each run, in the app's words.
import type { MissKind } from '../../src/app/miss/miss-words.ts';
import { disagreementOf, runExample, type ExampleSettings, type Models } from './examples.ts';

export interface ScanRow {
  readonly settings: ExampleSettings;
  readonly kind: MissKind;
  readonly text: string;
  readonly bonWinner: number | null;
  readonly sprWinner: number | null;
  /** Best-of-N's best reward minus Speculative Rejection's (0 when it found it). */
  readonly rewardGap: number;
}

export async function scanDisagreements(
  models: Models,
  prompts: readonly string[],
  seeds: number,
  shape: Omit<ExampleSettings, 'prompt' | 'seed'>,
): Promise<ScanRow[]> {
  const rows: ScanRow[] = [];
  for (const prompt of prompts) {
    for (let seed = 1; seed <= seeds; seed++) {
      const settings = { ...shape, prompt, seed };
      const d = disagreementOf(await runExample(models, settings, ['bon', 'spr']));
      if (!d.line) throw new Error(`no comparison for ${JSON.stringify(settings)}`);
      const gap = (d.state.lanes.bon?.end?.winner?.reward ?? 0) - (d.state.lanes.spr?.end?.winner?.reward ?? 0);
      rows.push({ settings, kind: d.line.kind, text: d.line.text, bonWinner: d.bonWinner, sprWinner: d.sprWinner, rewardGap: gap });
    }
  }
  return rows;
}
