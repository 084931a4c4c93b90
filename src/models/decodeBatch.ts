// A batch of rows living on the device with their KV cache: prefill once, then one token per row per
// step, with rows dropped or repeated between steps (Speculative Rejection's pruning, TreeBoN's
// branching) without recomputing anything.
import type { Tensor } from '@huggingface/transformers';
import { EngineError } from '../core/errors.ts';
import type { DecodeBatch } from '../core/backend.ts';
import { leftPadded, runDecoder, type DecoderModel, type DecoderOutput } from './decoder.ts';
import { toRunError } from './errors.ts';
import { copyRows, type KvRowSelector } from './kvRows.ts';
import { readFloats } from './tensorData.ts';

interface BatchState {
  lengths: number[];
  /** Columns of the cache, left padding included. */
  width: number;
  /** Attention mask [rows x width]: 1 for a real token, 0 for padding. */
  mask: BigInt64Array;
  cache: Map<string, Tensor>;
  nextLogits: Float32Array;
}

export class KvDecodeBatch implements DecodeBatch {
  private busy = false;
  private disposed = false;

  private constructor(
    private readonly decoder: DecoderModel,
    private readonly selector: KvRowSelector,
    private readonly vocabSize: number,
    private state: BatchState,
  ) {}

  /** Prefill `sequences` (one row each); identical sequences are computed once and repeated. */
  static async prefill(
    decoder: DecoderModel,
    selector: KvRowSelector,
    vocabSize: number,
    sequences: readonly (readonly number[])[],
  ): Promise<KvDecodeBatch> {
    if (sequences.length === 0 || sequences.some((s) => s.length === 0)) {
      throw new EngineError({ code: 'invalid-config', message: 'Prefill needs at least one row, and no empty row.' });
    }
    const distinct = new Map<string, number>();
    const order = sequences.map((s) => {
      const key = s.join(',');
      let index = distinct.get(key);
      if (index === undefined) distinct.set(key, (index = distinct.size));
      return index;
    });
    const unique = [...distinct.keys()].map((key) => key.split(',').map(Number));
    const input = leftPadded(unique, decoder.padTokenId, decoder.positionStart);
    const output = await run(decoder, { ...input, past: null, lastOnly: true });
    const lengths = unique.map((s) => s.length);
    const state = await nextState(output, vocabSize, { lengths, width: input.columns, mask: input.mask });
    const batch = new KvDecodeBatch(decoder, selector, vocabSize, state);
    if (unique.length !== sequences.length) await batch.selectRows(order);
    return batch;
  }

  get rows(): number {
    return this.state.lengths.length;
  }
  get lengths(): readonly number[] {
    return this.state.lengths;
  }
  get cacheWidth(): number {
    return this.state.width;
  }
  get nextLogits(): Float32Array {
    return this.state.nextLogits;
  }

  append(tokens: readonly number[]): Promise<void> {
    return this.exclusively(async () => {
      const { lengths, width, mask, cache } = this.state;
      const rows = lengths.length;
      if (tokens.length !== rows) throw new Error(`append: ${tokens.length} tokens for ${rows} rows`);
      if (rows === 0) return;
      const grown = new BigInt64Array(rows * (width + 1));
      for (let r = 0; r < rows; r++) {
        grown.set(mask.subarray(r * width, (r + 1) * width), r * (width + 1));
        grown[r * (width + 1) + width] = 1n;
      }
      const ids = BigInt64Array.from(tokens, BigInt);
      const positions = BigInt64Array.from(lengths, (n) => BigInt(n + this.decoder.positionStart));
      const output = await run(this.decoder, { ids, rows, columns: 1, mask: grown, positions, past: cache, lastOnly: true });
      disposeAll(cache);
      this.state = await nextState(output, this.vocabSize, {
        lengths: lengths.map((n) => n + 1),
        width: width + 1,
        mask: grown,
      });
    });
  }

  selectRows(rows: readonly number[]): Promise<void> {
    return this.exclusively(async () => {
      const { lengths, width, mask, cache, nextLogits } = this.state;
      for (const row of rows) {
        if (!Number.isInteger(row) || row < 0 || row >= lengths.length) throw new Error(`selectRows: no row ${row}`);
      }
      if (rows.length === lengths.length && rows.every((row, i) => row === i)) return;
      const kept = rows.map((row) => lengths[row] as number);
      // Columns that are padding in every kept row carry nothing: cut them.
      const lead = kept.length === 0 ? width : Math.min(...kept.map((n) => width - n));
      const newCache = rows.length === 0 ? new Map<string, Tensor>() : await this.selectCache(rows, lead);
      disposeAll(cache);
      const v = this.vocabSize;
      this.state = {
        lengths: kept,
        width: width - lead,
        mask: copyRows(mask, { outer: 1, width, columnSize: 1 }, rows, lead),
        cache: newCache,
        nextLogits: copyRows(nextLogits, { outer: 1, width: 1, columnSize: v }, rows, 0),
      };
    });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.state.cache);
    this.state = { lengths: [], width: 0, mask: new BigInt64Array(0), cache: new Map(), nextLogits: new Float32Array(0) };
  }

  private async selectCache(rows: readonly number[], lead: number): Promise<Map<string, Tensor>> {
    try {
      return await this.selector.select(this.state.cache, rows, lead);
    } catch (error) {
      throw toRunError(error, this.decoder.label);
    }
  }

  /** The engine awaits each call; overlapping calls would corrupt the cache, so they are refused. */
  private async exclusively(work: () => Promise<void>): Promise<void> {
    if (this.disposed) throw new Error('the decode batch was disposed');
    if (this.busy) throw new Error('the decode batch is busy: await each call before the next');
    this.busy = true;
    try {
      await work();
    } finally {
      this.busy = false;
    }
  }
}

async function run(decoder: DecoderModel, input: Parameters<typeof runDecoder>[1]): Promise<DecoderOutput> {
  try {
    return await runDecoder(decoder, input);
  } catch (error) {
    throw toRunError(error, decoder.label);
  }
}

/** Take each row's last-position logits out of a forward pass and keep its cache. */
async function nextState(
  output: DecoderOutput,
  vocabSize: number,
  rest: { lengths: number[]; width: number; mask: BigInt64Array },
): Promise<BatchState> {
  const { logits, present } = output;
  const [rows, positions, vocab] = logits.dims as [number, number, number];
  if (vocab !== vocabSize) throw new Error(`logits have ${vocab} columns, expected ${vocabSize}`);
  const all = await readFloats(logits);
  logits.dispose();
  const nextLogits = new Float32Array(rows * vocab);
  for (let r = 0; r < rows; r++) {
    const start = (r * positions + positions - 1) * vocab;
    nextLogits.set(all.subarray(start, start + vocab), r * vocab);
  }
  return { ...rest, cache: present, nextLogits };
}

function disposeAll(cache: ReadonlyMap<string, Tensor>): void {
  for (const tensor of cache.values()) tensor.dispose();
}
