// Best-of-N and Speculative Rejection at the same N over prompts × seeds: what Speculative Rejection did
// with Best-of-N's answer in each run, in the app's words.
import { computeView } from '../../src/app/compute/compute-view.ts';
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
  /** The FLOPs Best-of-N needs to reach Speculative Rejection's reward, over Speculative Rejection's (above 1: pruning paid). */
  readonly catchUpFlops: number | null;
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
      const events = await runExample(models, settings, ['bon', 'spr']);
      const d = disagreementOf(events);
      if (!d.line) throw new Error(`no comparison for ${JSON.stringify(settings)}`);
      const gap = (d.state.lanes.bon?.end?.winner?.reward ?? 0) - (d.state.lanes.spr?.end?.winner?.reward ?? 0);
      const catchUpFlops = computeView(events, 'flops')?.catchUps.find((c) => c.method === 'spr')?.catchUp.ratios.flops ?? null;
      rows.push({ settings, kind: d.line.kind, text: d.line.text, bonWinner: d.bonWinner, sprWinner: d.sprWinner, rewardGap: gap, catchUpFlops });
    }
  }
  return rows;
}
