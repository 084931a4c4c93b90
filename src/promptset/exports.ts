// A prompt set's results as data people train with, from the prompts' outcomes alone, so the app and the
// study write the same bytes for the same runs:
//   sft         {"prompt", "completion"} per prompt: the chosen answer (Best-of-N distillation);
//   preference  {"prompt", "chosen", "rejected"} per prompt, the shape TRL's DPO trainer reads;
//   scored      every complete answer with its reward(s), method, seed and model ids;
//   csv         the per-prompt totals (tokens, reward-model tokens, wall time, best reward per method).
// Each file has a sidecar JSON with the settings, the models, the rule and what was left out; the data
// files hold nothing else, so a trainer reads them as they are. Only prompts whose every method ran to
// its end count, and only complete answers are ever written.
import Papa from 'papaparse';
import type { MethodId } from '../core/events.ts';
import { exportMeta, type Provenance, type Skipped } from './exportMeta.ts';
import type { ExportFormat, ExportRequest, PromptSetSource } from './exportRequest.ts';
import { chosenAnswer, preferencePair } from './preferencePair.ts';
import { isFinished, type PromptOutcome } from './promptOutcome.ts';

export interface ExportedFiles {
  /** The data file's text: JSON Lines, or CSV. */
  readonly data: string;
  /** The sidecar's text (JSON). */
  readonly meta: string;
  /** Lines (CSV: rows) of data written. */
  readonly lines: number;
}

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = { sft: 'sft.jsonl', preference: 'preference.jsonl', scored: 'scored.jsonl', csv: 'totals.csv' };

/** "alpacafarm-eval-805.json" -> "alpacafarm-eval-805.preference.jsonl". */
export function exportFileName(setName: string, format: ExportFormat): string {
  return `${setName.replace(/\.[^.]*$/, '') || 'prompts'}.${EXTENSIONS[format]}`;
}

/** "prefs.jsonl" -> "prefs.meta.json": the sidecar beside a data file. */
export function sidecarName(dataFile: string): string {
  return `${dataFile.replace(/\.(jsonl|csv|json)$/i, '')}.meta.json`;
}

const METHOD_ORDER: readonly MethodId[] = ['bon', 'spr', 'treebon'];
const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const finiteOrNull = (x: number | null | undefined) => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

export function exportPromptSet(outcomes: readonly PromptOutcome[], source: PromptSetSource, request: ExportRequest): ExportedFiles {
  const sorted = [...outcomes].sort((a, b) => a.index - b.index);
  const finished = sorted.filter(isFinished);
  const skipped: Skipped[] = sorted.filter((o) => !isFinished(o)).map((o) => ({ index: o.index, why: 'stopped before the end' }));
  const provenance: Provenance[] = [];
  const rows: string[] = [];
  let data: string;
  let lines: number;

  if (request.format === 'sft' || request.format === 'preference') {
    for (const o of finished) {
      if (request.format === 'sft') {
        const chosen = chosenAnswer(o, request.from);
        if (!chosen.ok) skipped.push({ index: o.index, why: chosen.why });
        else {
          rows.push(line({ prompt: o.prompt, completion: chosen.value.text }));
          provenance.push({ index: o.index, chosen: ref(chosen.value) });
        }
      } else {
        const pair = preferencePair(o, request);
        if (!pair.ok) skipped.push({ index: o.index, why: pair.why });
        else {
          rows.push(line({ prompt: o.prompt, chosen: pair.value.chosen.text, rejected: pair.value.rejected.text }));
          provenance.push({ index: o.index, chosen: ref(pair.value.chosen), rejected: ref(pair.value.rejected) });
        }
      }
    }
    data = rows.join('');
    lines = rows.length;
  } else if (request.format === 'scored') {
    for (const o of finished) {
      for (const m of o.methods) {
        for (const a of m.answers) {
          rows.push(line({
            index: o.index, prompt: o.prompt, method: m.method, candidate: a.id, text: a.text,
            reward: finiteOrNull(a.reward), scores: a.scores.map(finiteOrNull), scorers: o.settings.scorers,
            length: a.length, finish: a.finish, chosen: a.id === m.winnerId, seed: o.settings.seed, generator: o.settings.generator,
          }));
        }
      }
    }
    data = rows.join('');
    lines = rows.length;
  } else {
    const methods = METHOD_ORDER.filter((m) => finished.some((o) => o.methods.some((r) => r.method === m)));
    const fields = ['index', 'prompt', ...methods.flatMap((m) => ['best_reward', 'decoded_tokens', 'prefill_tokens', 'reward_tokens', 'wall_s'].map((f) => `${m}_${f}`))];
    const table = finished.map((o) => [o.index, o.prompt, ...methods.flatMap((m) => {
      const r = o.methods.find((x) => x.method === m);
      if (!r) return ['', '', '', '', ''];
      const t = r.totals;
      return [finiteOrNull(r.bestReward) ?? '', t.decodedTokens, t.prefillTokens, t.rewardTokens, t.wallMs / 1000];
    })]);
    lines = table.length;
    data = `${Papa.unparse({ fields, data: table }, { newline: '\r\n' })}\r\n`;
  }

  const meta = exportMeta({ request, source, finished, skipped, provenance, lines });
  return { data, meta, lines };
}

function ref(answer: { method: MethodId; id: number; reward: number }): Provenance['chosen'] {
  return { method: answer.method, candidate: answer.id, reward: answer.reward };
}
