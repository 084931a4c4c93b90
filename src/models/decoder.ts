// One forward pass of a decoder-only ONNX model with an explicit KV cache, as transformers.js exports
// them: inputs input_ids / attention_mask / position_ids / past_key_values.N.{key,value}, outputs
// logits and present.N.{key,value}. We drive model.forward ourselves (not generate()) so rows can be
// dropped and repeated between steps.
import { Tensor, type PreTrainedModel } from '@huggingface/transformers';
import { EngineError } from '../core/errors.ts';
import { exclusive } from './exclusive.ts';
import type { KvCache } from './kvRows.ts';
import type { LoadedParts } from './loadPretrained.ts';
import { int64Tensor } from './tensorData.ts';

export interface DecoderModel {
  readonly model: PreTrainedModel;
  readonly label: string;
  /** Cache input names in the session's order. */
  readonly cacheNames: readonly string[];
  readonly takesPositionIds: boolean;
  /** Exports that accept it compute only the last position's logits in prefill. */
  readonly takesNumLogitsToKeep: boolean;
  /** First position id (1 for Gemma 3 / PaliGemma, 0 elsewhere), as transformers.js does. */
  readonly positionStart: number;
  readonly padTokenId: number;
}

interface SessionLike {
  readonly inputNames: readonly string[];
}

const CACHE_NAME = /^past_key_values\.\d+\.(key|value)$/;

export function describeDecoder(parts: LoadedParts): DecoderModel {
  const session = (parts.model.sessions as Record<string, SessionLike | undefined>)['model'];
  const inputs = session?.inputNames ?? [];
  const cacheNames = inputs.filter((name) => name.startsWith('past_'));
  if (session === undefined || cacheNames.length === 0 || !cacheNames.every((n) => CACHE_NAME.test(n))) {
    throw new EngineError({
      code: 'unsupported-model',
      message: `"${parts.label}" is not a decoder-only model with a standard key/value cache.`,
      hint: 'Pick a causal LM exported with past_key_values inputs (e.g. LLaMA, Qwen2, SmolLM, Phi).',
    });
  }
  const modelType = String(parts.config['model_type'] ?? '');
  const pad = parts.tokenizer.pad_token_id ?? parts.tokenizer.eos_token_id;
  return {
    model: parts.model,
    label: parts.label,
    cacheNames,
    takesPositionIds: inputs.includes('position_ids'),
    takesNumLogitsToKeep: inputs.includes('num_logits_to_keep'),
    positionStart: ['paligemma', 'gemma3_text', 'gemma3'].includes(modelType) ? 1 : 0,
    padTokenId: typeof pad === 'number' ? pad : 0,
  };
}

export interface DecoderInput {
  /** Token ids [rows x columns], row-major. */
  readonly ids: BigInt64Array;
  readonly rows: number;
  readonly columns: number;
  /** Attention mask over cache + new columns [rows x (pastWidth + columns)]. */
  readonly mask: BigInt64Array;
  /** Position ids of the new columns [rows x columns]. */
  readonly positions: BigInt64Array;
  readonly past: KvCache | null;
  /** Only the last position's logits are needed (generation); lets supporting exports skip the rest. */
  readonly lastOnly: boolean;
}

export interface DecoderOutput {
  /** [rows, columns or 1, vocab]. The caller disposes it. */
  readonly logits: Tensor;
  /** The new cache, keyed by past_key_values.* names, ready to feed back. */
  readonly present: Map<string, Tensor>;
}

export async function runDecoder(decoder: DecoderModel, input: DecoderInput): Promise<DecoderOutput> {
  const { rows, columns } = input;
  const feeds: Record<string, unknown> = {
    input_ids: int64Tensor(input.ids, [rows, columns]),
    attention_mask: int64Tensor(input.mask, [rows, input.mask.length / rows]),
  };
  if (decoder.takesPositionIds) feeds['position_ids'] = int64Tensor(input.positions, [rows, columns]);
  if (decoder.takesNumLogitsToKeep) feeds['num_logits_to_keep'] = int64Tensor(BigInt64Array.of(input.lastOnly ? 1n : 0n), []);
  if (input.past !== null) feeds['past_key_values'] = Object.fromEntries(input.past);
  const outputs = (await exclusive(() => decoder.model.forward(feeds))) as Record<string, Tensor>;
  const present = new Map<string, Tensor>();
  let logits: Tensor | undefined;
  for (const [name, tensor] of Object.entries(outputs)) {
    if (name === 'logits') logits = tensor;
    else if (name.startsWith('present.')) present.set(name.replace(/^present\./, 'past_key_values.'), tensor);
    else tensor.dispose();
  }
  if (logits === undefined) throw new Error(`"${decoder.label}" returned no logits`);
  return { logits, present };
}

/**
 * Left-padded prefill inputs: every row ends at the last column, so the last position's logits are
 * each row's next-token logits. Positions count real tokens only; padding gets 1, as in transformers.
 */
export function leftPadded(sequences: readonly (readonly number[])[], padTokenId: number, positionStart: number) {
  const rows = sequences.length;
  const columns = Math.max(...sequences.map((s) => s.length));
  const ids = new BigInt64Array(rows * columns).fill(BigInt(padTokenId));
  const mask = new BigInt64Array(rows * columns);
  const positions = new BigInt64Array(rows * columns).fill(1n);
  sequences.forEach((sequence, r) => {
    const offset = r * columns + columns - sequence.length;
    sequence.forEach((token, i) => {
      ids[offset + i] = BigInt(token);
      mask[offset + i] = 1n;
      positions[offset + i] = BigInt(positionStart + i);
    });
  });
  return { ids, mask, positions, rows, columns };
}
