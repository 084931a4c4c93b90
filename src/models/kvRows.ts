// Keeping, dropping and repeating rows of a KV cache along the batch axis, and cutting leading
// columns that became padding in every row. On the CPU this is a copy; `gatherSession.ts` does the
// same on the GPU without bringing the cache back.
import { Tensor } from '@huggingface/transformers';

/** Past tensors by input name ('past_key_values.0.key', ...), each [batch, kvHeads, width, headDim]. */
export type KvCache = ReadonlyMap<string, Tensor>;

export interface KvRowSelector {
  /** New tensors holding `rows` (old row indices, repeats allowed) without the first `lead` columns. */
  select(cache: KvCache, rows: readonly number[], lead: number): Promise<Map<string, Tensor>>;
  dispose(): Promise<void>;
}

type TypedArray = Float32Array | Uint16Array | Int32Array | BigInt64Array | Uint8Array;
type TypedArrayConstructor = new (length: number) => TypedArray;

/**
 * Rows of a row-major [batch, ...inner] array where one inner axis is cut: `outer` blocks per row
 * (heads), each holding `width` columns of `columnSize` values (head dim), first `lead` columns dropped.
 */
export function copyRows<T extends TypedArray>(
  source: T,
  shape: { readonly outer: number; readonly width: number; readonly columnSize: number },
  rows: readonly number[],
  lead: number,
): T {
  const { outer, width, columnSize } = shape;
  const keep = width - lead;
  const rowSize = outer * width * columnSize;
  const out = new (source.constructor as TypedArrayConstructor)(rows.length * outer * keep * columnSize) as T;
  let at = 0;
  for (const row of rows) {
    for (let h = 0; h < outer; h++) {
      const start = row * rowSize + (h * width + lead) * columnSize;
      out.set(source.subarray(start, start + keep * columnSize) as never, at);
      at += keep * columnSize;
    }
  }
  return out;
}

/** Copies rows on the CPU: the cache tensors must hold CPU data (cpu and wasm devices). */
export const cpuRowSelector: KvRowSelector = {
  async select(cache, rows, lead) {
    const out = new Map<string, Tensor>();
    for (const [name, tensor] of cache) {
      const [, heads, width, headDim] = tensor.dims as [number, number, number, number];
      const data = copyRows(tensor.data as TypedArray, { outer: heads, width, columnSize: headDim }, rows, lead);
      out.set(name, new Tensor(tensor.type, data as never, [rows.length, heads, width - lead, headDim]));
    }
    return out;
  },
  async dispose() {},
};
