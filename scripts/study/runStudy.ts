// The study loop: for each prompt, one run of every method on the same seed and KV budget.
import { runAlignment } from '../../src/core/runAlignment.ts';
import { validateRunConfig } from '../../src/core/validateRunConfig.ts';
import type { RunEventOf } from '../../src/core/events.ts';
import { runFileText } from '../../src/core/runFile.ts';
import { REPLAY_ALPHAS } from '../../src/core/config.ts';
import type { RewardVsCompute } from '../../src/core/rewardVsCompute.ts';
import { meanRewardVsCompute } from '../../src/core/rewardVsComputeMean.ts';
import { rewardComputeSvg } from '../lib/rewardComputeSvg.ts';
import { computeTable } from './computeReport.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promptOutcome, type PromptOutcome } from '../../src/promptset/promptOutcome.ts';
import { exportPromptSet, sidecarName } from '../../src/promptset/exports.ts';
import type { AbortSignalLike } from '../../src/core/abort.ts';
import type { StudyArgs } from './args.ts';
import { loadStudyModels } from './loadStudyModels.ts';
import { readPrompts } from './prompts.ts';
import { promptTable, totalsTable, type MethodResult, type PromptResult } from './report.ts';
import { StudyError } from './studyError.ts';

export interface StudyOutput {
  readonly settings: StudyArgs;
  readonly prompts: readonly (PromptResult & { readonly kvBudgetBytes: number })[];
}

export async function runStudy(
  args: StudyArgs,
  io: { signal?: AbortSignalLike; print: (text: string) => void; log?: (line: string) => void },
): Promise<StudyOutput> {
  const log = io.log ?? ((line: string) => console.error(line));
  const prompts = await readPrompts(args.prompts, args.limit);
  // Every setting is checked before any model loads: a typo never costs a download.
  checkSettings(args, prompts[0]!);
  if (args.saveRuns !== undefined) await mkdir(args.saveRuns, { recursive: true });
  const models = await loadStudyModels(args, log);
  const results: (PromptResult & { kvBudgetBytes: number })[] = [];
  const pictures: RewardVsCompute[] = [];
  const outcomes: PromptOutcome[] = [];
  let parameters: RunEventOf<'run-start'>['parameters'];
  try {
    for (const [i, prompt] of prompts.entries()) {
      if (io.signal?.aborted) break;
      const promptTokens = models.generator.encodePrompt(prompt).length;
      const config = runConfigFor(args, prompt, promptTokens, models.generator.info);
      log(`prompt ${i + 1}/${prompts.length}: ${promptTokens} prompt tokens, KV budget ${(config.kvBudgetBytes / 2 ** 20).toFixed(2)} MiB`);
      const events = await runAlignment(config, { generator: models.generator, scorers: models.scorers, onEvent: () => {}, ...(io.signal && { signal: io.signal }) });
      const outcome = promptOutcome(i, events);
      outcomes.push(outcome);
      const result = { prompt, kvBudgetBytes: config.kvBudgetBytes, methods: methodResults(outcome) };
      results.push(result);
      io.print(promptTable(result, i));
      if (!args.quiet) io.print(answersText(result));
      if (outcome.picture) pictures.push(outcome.picture);
      parameters ??= events.find((e): e is RunEventOf<'run-start'> => e.type === 'run-start')?.parameters;
      if (args.saveRuns !== undefined) {
        const file = join(args.saveRuns, `run-${String(i + 1).padStart(3, '0')}.json`);
        await writeFile(file, runFileText(events));
        log(`saved ${file}`);
      }
    }
  } finally {
    await models.dispose();
  }
  if (results.length > 0) io.print(totalsTable(results, args.n * args.maxNewTokens));
  const mean = meanRewardVsCompute(pictures);
  if (mean) io.print(computeTable(mean, parameters));
  if (mean && args.figure !== undefined) {
    const title = `Best reward vs compute: ${pictures.length} prompt(s), N = ${args.n}, ${args.maxNewTokens} new tokens, Speculative Rejection from ${args.sprStart === 'memory' ? 'the same memory' : 'the same N'}`;
    await writeFile(args.figure, rewardComputeSvg(mean, title));
    log(`wrote ${args.figure}`);
  } else if (args.figure !== undefined) {
    log('no figure: it needs Best-of-N among the methods (its answers are the curve)');
  }
  for (const { file, format } of args.exports) {
    const exported = exportPromptSet(outcomes, { name: basename(args.prompts), prompts: prompts.length }, { format, ...args.pairs });
    await writeFile(file, exported.data);
    await writeFile(sidecarName(file), exported.meta);
    log(`wrote ${file} (${exported.lines} ${format === 'csv' ? 'row' : 'line'}(s)) and ${sidecarName(file)}`);
  }
  return { settings: args, prompts: results };
}

/** The run settings the flags give, before any model: every check that needs no model runs here. */
function checkSettings(args: StudyArgs, prompt: string): void {
  const budget = args.kvBudgetMb !== undefined ? args.kvBudgetMb * 2 ** 20 : args.kvBudgetTokens ?? 1;
  const checked = validateRunConfig(studyInput(args, prompt, budget));
  if (!checked.ok) throw new StudyError(checked.errors.map((e) => `${flagOf(e.field)}: ${e.message}`).join('; '));
}

function studyInput(args: StudyArgs, prompt: string, kvBudgetBytes: number): Record<string, unknown> {
  return {
    prompt,
    methods: args.methods,
    n: args.n,
    maxNewTokens: args.maxNewTokens,
    sampling: { temperature: args.temperature, topK: args.topK, topP: args.topP },
    seed: args.seed,
    kvBudgetBytes,
    spr: {
      alpha: args.alpha,
      decision: args.decisionLengths ? { mode: 'fixed', lengths: args.decisionLengths } : { mode: 'memory' },
      initial: args.sprStart,
      maxInitial: args.sprMaxStart,
    },
    treebon: { children: args.children, layers: args.layers, ucb: args.ucb ?? null, ...(args.ucbFloor !== undefined && { ucbFloor: args.ucbFloor }) },
    combine: { rule: args.combine, normalize: args.normalize, ...(args.softminTemperature !== undefined && { temperature: args.softminTemperature }) },
    // Best-of-N records the prefixes Speculative Rejection's replay needs for every alpha of the picture.
    replayAlphas: args.methods.includes('bon') ? REPLAY_ALPHAS : [],
  };
}

function runConfigFor(args: StudyArgs, prompt: string, promptTokens: number, info: { kvBytesPerToken: number; maxPositions?: number }) {
  // Default budget: N rows of a quarter of the full length (at least one full row), so Best-of-N
  // needs sequential batches and Speculative Rejection has to prune, as on a real GPU.
  const fullRow = promptTokens + args.maxNewTokens;
  const defaultTokens = Math.max(fullRow, args.n * (promptTokens + Math.ceil(args.maxNewTokens / 4)));
  const kvBudgetBytes = args.kvBudgetMb !== undefined ? args.kvBudgetMb * 2 ** 20 : (args.kvBudgetTokens ?? defaultTokens) * info.kvBytesPerToken;
  const input = studyInput(args, prompt, kvBudgetBytes);
  const checked = validateRunConfig(input, { promptTokens, kvBytesPerToken: info.kvBytesPerToken, ...(info.maxPositions !== undefined && { maxPositions: info.maxPositions }) });
  if (!checked.ok) throw new StudyError(checked.errors.map((e) => `${flagOf(e.field)}: ${e.message}`).join('; '));
  return checked.config;
}

const FLAGS: Record<string, string> = {
  n: '--n', maxNewTokens: '--max-new-tokens', seed: '--seed', kvBudgetBytes: '--kv-budget-mb or --kv-budget-tokens', methods: '--methods', prompt: '--prompts',
  'sampling.temperature': '--temperature', 'sampling.topK': '--top-k', 'sampling.topP': '--top-p', 'spr.alpha': '--alpha',
  'spr.decision.lengths': '--decision-lengths', 'treebon.children': '--children', 'treebon.layers': '--layers', 'treebon.ucb': '--ucb', 'treebon.ucbFloor': '--ucb-floor',
  'combine.rule': '--combine', 'combine.normalize': '--normalize', 'combine.temperature': '--softmin-temperature',
  'spr.initial': '--spr-start', 'spr.maxInitial': '--spr-max-start',
};

function flagOf(field: string): string {
  return FLAGS[field] ?? field;
}

/** Best reward per method: with several scorers, combined over all methods' complete responses (see crossMethodRewards). */
function methodResults(outcome: PromptOutcome): MethodResult[] {
  return outcome.methods.map(({ method, bestReward, worstReward, winnerText, winnerScores, totals }) => ({ method, bestReward, worstReward, winnerText, winnerScores, totals }));
}

/** Each method's chosen answer, as text. */
function answersText(result: PromptResult): string {
  const names: Record<string, string> = { bon: 'Best-of-N', spr: 'Speculative Rejection', treebon: 'TreeBoN' };
  return result.methods.map((m) => `- ${names[m.method]} chose: ${JSON.stringify(m.winnerText)}`).join('\n') + '\n';
}
