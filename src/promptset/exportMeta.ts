// An export's sidecar: where its lines came from. The prompt file, the models, the settings the prompts
// ran with (read from the runs themselves; a setting that differed between prompts, like a KV budget
// sized to each prompt, says so), the rule that picked the answers, each line's answers and their
// rewards, and each prompt left out with why. Deterministic: the same outcomes give the same bytes.
import type { MethodId } from '../core/events.ts';
import type { ExportRequest, PromptSetSource } from './exportRequest.ts';
import { pairRuleText } from './preferencePair.ts';
import type { PromptOutcome, RunSettings } from './promptOutcome.ts';

export const EXPORT_META_FORMAT = 'aligned-in-the-browser/export';

export interface Skipped {
  readonly index: number;
  readonly why: string;
}

export interface Provenance {
  readonly index: number;
  readonly chosen: { readonly method: MethodId; readonly candidate: number; readonly reward: number };
  readonly rejected?: { readonly method: MethodId; readonly candidate: number; readonly reward: number };
}

export const VARIES = 'varies by prompt';

interface MetaInput {
  readonly request: ExportRequest;
  readonly source: PromptSetSource;
  readonly finished: readonly PromptOutcome[];
  readonly skipped: readonly Skipped[];
  readonly provenance: readonly Provenance[];
  readonly lines: number;
}

function ruleText(request: ExportRequest): string {
  switch (request.format) {
    case 'sft':
      return pairRuleText(request).replace(/ chosen: the highest-scoring one; rejected: .*$/, ' completion: the highest-scoring one (Best-of-N distillation).');
    case 'preference':
      return pairRuleText(request);
    case 'scored':
      return 'Every complete answer (ended by a stop token or at the length limit) of every method, with its reward in the common pool of the prompt\'s complete answers and each reward model\'s raw score; "chosen" marks the method\'s own answer.';
    case 'csv':
      return 'One row per prompt: each method\'s best reward (its answer), and its decoded, prefill and reward-model tokens and wall time in seconds.';
  }
}

/** One value when every prompt agrees on it, else VARIES. */
function agreed<T>(values: readonly T[]): T | typeof VARIES | null {
  if (values.length === 0) return null;
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0]! : VARIES;
}

function settingsOf(all: readonly RunSettings[]) {
  const pick = <K extends keyof RunSettings>(key: K) => agreed(all.map((s) => s[key]));
  const methods = (['bon', 'spr', 'treebon'] as const).filter((m) => all.some((s) => s.methods[m]));
  return {
    seed: pick('seed'),
    sampling: pick('sampling'),
    maxNewTokens: pick('maxNewTokens'),
    kvBudgetBytes: pick('kvBudgetBytes'),
    combine: all[0] && all[0].scorers.length > 1 ? pick('combine') : null,
    methods: Object.fromEntries(methods.map((m) => {
      const runs = all.map((s) => s.methods[m]).filter((x) => x !== undefined);
      const keys = [...new Set(runs.flatMap((r) => Object.keys(r.params)))];
      return [m, { n: agreed(runs.map((r) => r.n)), params: Object.fromEntries(keys.map((k) => [k, agreed(runs.map((r) => r.params[k] ?? null))])) }];
    })),
  };
}

export function exportMeta({ request, source, finished, skipped, provenance, lines }: MetaInput): string {
  const all = finished.map((o) => o.settings);
  const pairs = request.format === 'sft' || request.format === 'preference';
  const meta = {
    format: EXPORT_META_FORMAT,
    version: 1,
    kind: request.format,
    promptSet: { name: source.name, prompts: source.prompts, finished: finished.length },
    lines,
    rule: ruleText(request),
    ...(pairs && { options: request.format === 'sft' ? { from: request.from } : { from: request.from, rejected: request.rejected, pairSeed: request.pairSeed } }),
    models: { generator: agreed(all.map((s) => s.generator)), scorers: agreed(all.map((s) => s.scorers)) },
    settings: settingsOf(all),
    skipped: [...skipped].sort((a, b) => a.index - b.index),
    ...(pairs && { answers: provenance }),
  };
  return `${JSON.stringify(meta, null, 2)}\n`;
}
