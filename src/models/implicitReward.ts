// TreeBoN's partial score: the implicit DPO reward of a DPO-trained policy against its reference,
//   r(x, y) = sum_k w_k (log pi_policy(y_k | x, y_<k) - log pi_ref(y_k | x, y_<k)),
// with w_k = 1/(k+1) ('inverse-position', k from 0) or 1 ('uniform'). The prompt goes through the
// policy's chat template with the generation prompt, exactly as the generator saw it.
import { throwIfAborted } from '../core/abort.ts';
import type { ScoreRequest } from '../core/backend.ts';
import { EngineError } from '../core/errors.ts';
import { encodePrompt } from './chatFormat.ts';
import { generatorFromParts, partsOfGenerator, type LoadedGenerator } from './causalLm.ts';
import { describeDecoder, type DecoderModel } from './decoder.ts';
import { toRunError } from './errors.ts';
import { loadPretrained, type LoadedParts, type LoadOptions } from './loadPretrained.ts';
import type { LoadProgress } from './progress.ts';
import type { LoadedScorer } from './rewardModel.ts';
import type { ModelSource } from './sources.ts';
import { responseLogProbs, type ScoredSequence } from './tokenLogProbs.ts';
import { packByTokenBudget } from './tokenBudget.ts';

export type ImplicitRewardWeighting = 'inverse-position' | 'uniform';

export interface ImplicitRewardOptions {
  readonly weighting: ImplicitRewardWeighting;
  /**
   * The policy's tokenizer is the generator's: score the request's `responseTokenIds` as generated
   * instead of re-tokenizing the text (which need not give the same ids back).
   */
  readonly sharesGeneratorTokenizer?: boolean;
  /** Bytes of float32 logits one forward pass may hold (rows x width x vocab x 4). */
  readonly logitsBudgetBytes?: number;
}

const DEFAULT_LOGITS_BUDGET = 64 * 1024 * 1024;

/**
 * `policy` is a model to load, or the already loaded generator (TreeBoN's usual setup: the generator
 * is the DPO policy), which is then shared, not loaded twice, and scored with its own token ids.
 */
export async function loadImplicitReward(
  policy: ModelSource | LoadedGenerator,
  reference: ModelSource,
  options: ImplicitRewardOptions & LoadOptions,
): Promise<LoadedScorer> {
  // One running total over both models: the reference's bytes come on top of the policy's.
  let offset = { loaded: 0, bytes: 0 };
  let last = offset;
  const onProgress = options.onProgress;
  const shifted = (p: LoadProgress) => {
    last = { loaded: offset.loaded + p.totalLoaded, bytes: offset.bytes + p.totalBytes };
    onProgress?.({ ...p, totalLoaded: last.loaded, totalBytes: last.bytes });
  };
  const shared = 'info' in policy ? partsOfGenerator(policy) : undefined;
  if ('info' in policy && shared === undefined) throw new Error('loadImplicitReward: not a generator from loadGenerator');
  const policyParts = shared ?? (await loadPretrained(policy as ModelSource, { ...options, onProgress: shifted }, 'causal-lm'));
  const ownsPolicy = shared === undefined;
  offset = last;
  let referenceParts: LoadedParts;
  try {
    referenceParts = await loadPretrained(reference, { ...options, onProgress: shifted }, 'causal-lm');
  } catch (error) {
    if (ownsPolicy) await policyParts.model.dispose();
    throw error;
  }
  const scorer = implicitRewardFromParts(policyParts, referenceParts, {
    ...options,
    sharesGeneratorTokenizer: options.sharesGeneratorTokenizer ?? !ownsPolicy,
  });
  // With the generator as the policy, the engine streams the reward: the reference decodes beside it.
  const referenceDecoder = ownsPolicy ? null : generatorFromParts(referenceParts, 'auto', false);
  const weight = options.weighting === 'uniform' ? () => 1 : (k: number) => 1 / (k + 1);
  return {
    ...scorer,
    ...(referenceDecoder && { streamed: { reference: referenceDecoder, weight } }),
    async dispose() {
      await referenceDecoder?.dispose();
      await Promise.all([ownsPolicy && policyParts.model.dispose(), referenceParts.model.dispose()]);
    },
  };
}

/** The scorer over two loaded models; its dispose() leaves them loaded (their owner frees them). */
export function implicitRewardFromParts(
  policyParts: LoadedParts,
  referenceParts: LoadedParts,
  options: ImplicitRewardOptions,
): LoadedScorer {
  const policy = describeDecoder(policyParts);
  const reference = describeDecoder(referenceParts);
  const vocabSize = Number(policyParts.config['vocab_size']);
  if (!Number.isInteger(vocabSize) || vocabSize !== Number(referenceParts.config['vocab_size'])) {
    throw new EngineError({
      code: 'unsupported-model',
      message: `"${policyParts.label}" and "${referenceParts.label}" do not share a vocabulary.`,
      hint: 'The DPO reference must be the policy’s base model (same tokenizer).',
    });
  }
  const tokenBudget = Math.max(1, Math.floor((options.logitsBudgetBytes ?? DEFAULT_LOGITS_BUDGET) / (vocabSize * 4)));
  const weight = options.weighting === 'uniform' ? () => 1 : (k: number) => 1 / (k + 1);
  const { tokenizer } = policyParts;

  const toSequence = (request: ScoreRequest, promptIds: readonly number[]): ScoredSequence => {
    const response =
      options.sharesGeneratorTokenizer && request.responseTokenIds !== undefined
        ? request.responseTokenIds
        : tokenizer.encode(request.response, { add_special_tokens: false });
    return { ids: [...promptIds, ...response], responseStart: promptIds.length };
  };

  return {
    id: `implicit:${policyParts.label}/${referenceParts.label}`,
    label: `implicit DPO reward (${policyParts.label} vs ${referenceParts.label})`,
    device: policyParts.device,
    dtype: policyParts.dtype,
    // Each counted token runs through one of the two models: their mean size.
    ...(policyParts.parameters !== null && referenceParts.parameters !== null && { parameters: (policyParts.parameters + referenceParts.parameters) / 2 }),
    async score(requests, signal) {
      const prompts = new Map<string, number[]>();
      const sequences = requests.map((request) => {
        let promptIds = prompts.get(request.prompt);
        if (promptIds === undefined) prompts.set(request.prompt, (promptIds = encodePrompt(tokenizer, request.prompt)));
        if (promptIds.length === 0) throw new Error('the prompt encodes to no tokens');
        return toSequence(request, promptIds);
      });
      const scores = new Array<number>(requests.length).fill(0);
      const perRequest = new Array<number>(requests.length).fill(0);
      let tokens = 0;
      // Empty responses score 0 and cost nothing.
      const scored = sequences.map((s, i) => ({ s, i })).filter(({ s }) => s.ids.length > s.responseStart);
      const batches = packByTokenBudget(scored.map(({ s }) => s.ids.length), tokenBudget);
      for (const batch of batches) {
        throwIfAborted(signal);
        const rows = batch.map((j) => scored[j] as { s: ScoredSequence; i: number });
        const batchSequences = rows.map(({ s }) => s);
        const policyLogProbs = await logProbs(policy, batchSequences);
        throwIfAborted(signal);
        const referenceLogProbs = await logProbs(reference, batchSequences);
        rows.forEach(({ s, i }, row) => {
          const p = policyLogProbs[row] as Float64Array;
          const q = referenceLogProbs[row] as Float64Array;
          let sum = 0;
          for (let k = 0; k < p.length; k++) sum += weight(k) * ((p[k] as number) - (q[k] as number));
          scores[i] = sum;
          perRequest[i] = 2 * s.ids.length;
          tokens += 2 * s.ids.length;
        });
      }
      return { scores, tokens, perRequest };
    },
    async dispose() {},
  };
}

async function logProbs(decoder: DecoderModel, sequences: readonly ScoredSequence[]) {
  try {
    return await responseLogProbs(decoder, sequences);
  } catch (error) {
    throw toRunError(error, decoder.label);
  }
}
