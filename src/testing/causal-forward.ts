// One forward pass of a transformers.js causal LM with an explicit KV cache, from plain
// number arrays: the reference step that tests compare batched/incremental decoding against.
import { Tensor, type PreTrainedModel } from '@huggingface/transformers';

/** past_key_values.{i}.key|value tensors, as the next step feeds them. */
export type PastKeyValues = Record<string, Tensor>;

export interface ForwardStepInput {
  /** [batch][seq] token ids of this step. */
  readonly inputIds: readonly (readonly number[])[];
  /** [batch][past + seq]: 1 for real tokens, 0 for padding. */
  readonly attentionMask: readonly (readonly number[])[];
  /** [batch][seq]; derived from the mask by transformers.js when omitted. */
  readonly positionIds?: readonly (readonly number[])[];
  /** The previous step's `past`; empty on the first step. */
  readonly past?: PastKeyValues;
}

export interface ForwardStepOutput {
  /** Row-major [batch, seq, vocab]. */
  readonly logits: Float32Array;
  readonly dims: readonly number[];
  /** present.* renamed to past_key_values.*, ready for the next step. */
  readonly past: PastKeyValues;
}

function int64Matrix(rows: readonly (readonly number[])[]): Tensor {
  const width = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== width)) throw new Error('rows must have equal lengths (pad them)');
  return new Tensor('int64', BigInt64Array.from(rows.flat(), (v) => BigInt(v)), [rows.length, width]);
}

export async function forwardStep(model: PreTrainedModel, input: ForwardStepInput): Promise<ForwardStepOutput> {
  const feeds: Record<string, unknown> = {
    input_ids: int64Matrix(input.inputIds),
    attention_mask: int64Matrix(input.attentionMask),
  };
  if (input.positionIds) feeds.position_ids = int64Matrix(input.positionIds);
  if (input.past) feeds.past_key_values = input.past;
  const outputs = (await model.forward(feeds)) as Record<string, Tensor>;
  const logits = outputs.logits;
  if (!logits) throw new Error('model returned no logits');
  const past: PastKeyValues = {};
  for (const [name, tensor] of Object.entries(outputs)) {
    if (name.startsWith('present.')) past[name.replace('present.', 'past_key_values.')] = tensor;
  }
  return { logits: logits.data as Float32Array, dims: logits.dims, past };
}

/** Logits of row `row`, position `position` from a [batch, seq, vocab] array. */
export function logitsAt(output: ForwardStepOutput, row: number, position: number): Float32Array {
  const [, seq, vocab] = output.dims as [number, number, number];
  const start = (row * seq + position) * vocab;
  return output.logits.subarray(start, start + vocab);
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}
