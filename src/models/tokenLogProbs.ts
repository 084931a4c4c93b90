// log p(token | everything before it) for the tail of each sequence, from one padded forward pass
// per batch: what the implicit DPO reward needs from the policy and from the reference.
import { leftPadded, runDecoder, type DecoderModel } from './decoder.ts';
import { readFloats } from './tensorData.ts';
import { logSoftmaxAt } from '../core/logSoftmax.ts';

export interface ScoredSequence {
  /** Prompt then response ids. */
  readonly ids: readonly number[];
  /** Where the response starts: log-probs are returned for ids[responseStart..]. */
  readonly responseStart: number;
}

/** Per sequence, the log-probability of each response token. All sequences run as one batch. */
export async function responseLogProbs(
  decoder: DecoderModel,
  sequences: readonly ScoredSequence[],
): Promise<Float64Array[]> {
  const input = leftPadded(
    sequences.map((s) => s.ids),
    decoder.padTokenId,
    decoder.positionStart,
  );
  const { logits, present } = await runDecoder(decoder, { ...input, past: null, lastOnly: false });
  for (const tensor of present.values()) tensor.dispose();
  const [, width, vocab] = logits.dims as [number, number, number];
  const all = await readFloats(logits);
  logits.dispose();
  return sequences.map((sequence, row) => {
    const padding = width - sequence.ids.length;
    const count = sequence.ids.length - sequence.responseStart;
    const out = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      // The logits at position p predict the token at p + 1.
      const position = padding + sequence.responseStart + k - 1;
      const start = (row * width + position) * vocab;
      out[k] = logSoftmaxAt(all.subarray(start, start + vocab), sequence.ids[sequence.responseStart + k] as number);
    }
    return out;
  });
}
