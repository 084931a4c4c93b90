// A sequence-classification reward model as a Scorer: its raw logit for the text [user: prompt,
// assistant: response] in the model's own chat template (or its text-pair format when it has none).
// Never the pipeline's softmax: over a single label it is always 1. A classifier with several labels
// gives the log-odds of its desirable label (rewardReadout.ts).
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { throwIfAborted } from '../core/abort.ts';
import type { ScoreRequest, Scorer } from '../core/backend.ts';
import { hasChatTemplate } from './chatFormat.ts';
import { promptMessages } from './conversation.ts';
import { toRunError } from './errors.ts';
import { exclusive } from './exclusive.ts';
import { loadPretrained, type LoadedParts, type LoadOptions } from './loadPretrained.ts';
import type { Device, ModelDtype } from './placement.ts';
import type { ModelSource } from './sources.ts';
import { int64Tensor, readFloats } from './tensorData.ts';
import { describeReadout, readReward, rewardReadout } from './rewardReadout.ts';
import { packByTokenBudget } from './tokenBudget.ts';

export interface ScorerLoadOptions extends LoadOptions {
  /** Padded tokens (rows x longest row) per forward pass. */
  readonly tokenBudget?: number;
}

export interface LoadedScorer extends Scorer {
  readonly device: Device;
  readonly dtype: ModelDtype;
  dispose(): Promise<void>;
}

const DEFAULT_TOKEN_BUDGET = 4096;

export async function loadRewardModel(source: ModelSource, options: ScorerLoadOptions): Promise<LoadedScorer> {
  const parts = await loadPretrained(source, options, 'sequence-classification');
  return rewardScorerFromParts(parts, options.tokenBudget ?? DEFAULT_TOKEN_BUDGET);
}

interface Encoded {
  readonly input_ids: number[];
  readonly attention_mask: number[];
  readonly token_type_ids?: number[];
}

export function rewardScorerFromParts(parts: LoadedParts, tokenBudget: number): LoadedScorer {
  const { model, tokenizer, config } = parts;
  const maxLength = Math.min(
    finiteOr(tokenizer.model_max_length, Infinity),
    finiteOr(config['max_position_embeddings'], Infinity),
  );
  const session = (model.sessions as Record<string, { inputNames: readonly string[]; outputMetadata?: readonly { name: string; shape?: readonly unknown[] }[] }>)['model'];
  const takesPositions = session?.inputNames.includes('position_ids') ?? false;
  let readout = rewardReadout(config, declaredLabels(config, session?.outputMetadata));
  const reads = describeReadout(readout);

  const encode = (request: ScoreRequest): Encoded => {
    const truncation = Number.isFinite(maxLength) ? { truncation: true, max_length: maxLength } : {};
    if (hasChatTemplate(tokenizer)) {
      const text = tokenizer.apply_chat_template(exchange(request), { tokenize: false }) as string;
      return tokenizer(text, { add_special_tokens: false, return_tensor: false, ...truncation }) as unknown as Encoded;
    }
    return tokenizer(request.prompt, { text_pair: request.response, return_tensor: false, ...truncation }) as unknown as Encoded;
  };

  return {
    id: parts.label,
    label: `reward model ${parts.label}${reads ? ` (${reads})` : ''}`,
    device: parts.device,
    dtype: parts.dtype,
    ...(parts.parameters !== null && { parameters: parts.parameters }),
    async score(requests, signal) {
      const encoded = requests.map(encode);
      const lengths = encoded.map((e) => e.input_ids.length);
      const scores = new Array<number>(requests.length).fill(Number.NaN);
      for (const batch of packByTokenBudget(lengths, tokenBudget)) {
        throwIfAborted(signal);
        const rows = batch.map((i) => encoded[i] as Encoded);
        const logits = await runClassifier(rows);
        batch.forEach((index, row) => (scores[index] = logits[row] as number));
      }
      return { scores, tokens: lengths.reduce((a, b) => a + b, 0), perRequest: lengths };
    },
    async dispose() {
      await model.dispose();
    },
  };

  /** The reward of each row of one padded batch. */
  async function runClassifier(rows: readonly Encoded[]): Promise<Float32Array> {
    const width = Math.max(...rows.map((r) => r.input_ids.length));
    const side = tokenizer.padding_side === 'left' ? 'left' : 'right';
    const pad = (pick: (e: Encoded) => readonly number[] | undefined, value: number) =>
      padRows(rows.map((r) => pick(r) ?? []), width, value, side);
    const feeds: Record<string, unknown> = {
      input_ids: int64Tensor(pad((e) => e.input_ids, padId(tokenizer)), [rows.length, width]),
      attention_mask: int64Tensor(pad((e) => e.attention_mask, 0), [rows.length, width]),
    };
    if (rows.every((r) => r.token_type_ids !== undefined)) {
      feeds['token_type_ids'] = int64Tensor(pad((e) => e.token_type_ids, 0), [rows.length, width]);
    }
    if (takesPositions) {
      feeds['position_ids'] = int64Tensor(pad((e) => e.input_ids.map((_, i) => i), 1), [rows.length, width]);
    }
    try {
      const output = (await exclusive(() => model(feeds))) as { logits: Parameters<typeof readFloats>[0] };
      const [count, labels] = output.logits.dims as [number, number];
      const all = await readFloats(output.logits);
      output.logits.dispose();
      if (labels !== readout.labels) readout = rewardReadout(config, labels);
      return Float32Array.from({ length: count }, (_, r) => readReward(all, r, readout));
    } catch (error) {
      throw toRunError(error, parts.label);
    }
  }
}

/** Logits per row, from the session's declared output shape, else config.json's labels. */
function declaredLabels(config: Readonly<Record<string, unknown>>, outputs?: readonly { name: string; shape?: readonly unknown[] }[]): number {
  const declared = outputs?.find((o) => o.name === 'logits')?.shape?.at(-1);
  if (typeof declared === 'number' && declared > 0) return declared;
  const id2label = config['id2label'];
  if (typeof id2label === 'object' && id2label !== null) return Math.max(1, Object.keys(id2label).length);
  const n = config['num_labels'];
  return typeof n === 'number' && n > 0 ? n : 1;
}

/** The conversation the reward model judges: the prompt's turns (conversation.ts), then the response. */
function exchange(request: ScoreRequest) {
  return [...promptMessages(request.prompt), { role: 'assistant', content: request.response }];
}

function padId(tokenizer: PreTrainedTokenizer): number {
  const id = tokenizer.pad_token_id ?? tokenizer.eos_token_id;
  return typeof id === 'number' ? id : 0;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Rows padded to `width` on one side, flattened row-major. */
function padRows(rows: readonly (readonly number[])[], width: number, value: number, side: 'left' | 'right'): BigInt64Array {
  const out = new BigInt64Array(rows.length * width).fill(BigInt(value));
  rows.forEach((row, r) => {
    const offset = r * width + (side === 'left' ? width - row.length : 0);
    row.forEach((v, i) => (out[offset + i] = BigInt(v)));
  });
  return out;
}
