// How many parameters a loaded model has, for the compute estimate FLOPs ≈ 2 x parameters x tokens.
// ONNX weights are what the runtime multiplies by, so the weight file's size over the bytes one
// parameter takes at the loaded precision is the estimate; it needs no knowledge of the architecture
// (the built-in word model, say, is no standard one). Quantised files carry scales too: an estimate.
import { ModelRegistry } from '@huggingface/transformers';
import { DTYPE_FILE_SUFFIX, type ModelDtype } from './placement.ts';

/** Bytes per parameter of each precision (4-bit weights carry a scale per block of 32: ~0.5625 bytes). */
export const BYTES_PER_PARAMETER: Readonly<Record<ModelDtype, number>> = { fp32: 4, fp16: 2, q8: 1, q4: 0.5625, q4f16: 0.5625 };

/** Parameters of `weightBytes` of ONNX weights at `dtype`. */
export function parametersOfWeights(weightBytes: number, dtype: ModelDtype): number {
  return Math.round(weightBytes / BYTES_PER_PARAMETER[dtype]);
}

/**
 * Bytes of the model file at `dtype` plus its external data file, when the source can say; null
 * when it cannot (a probe that fails offline, a server without sizes).
 */
export async function weightBytesOf(modelId: string, dtype: ModelDtype): Promise<number | null> {
  const file = `onnx/model${DTYPE_FILE_SUFFIX[dtype]}.onnx`;
  const sizeOf = async (name: string): Promise<number | null> => {
    try {
      const meta = await ModelRegistry.get_file_metadata(modelId, name);
      return meta.exists && typeof meta.size === 'number' ? meta.size : null;
    } catch {
      return null;
    }
  };
  const main = await sizeOf(file);
  if (main === null) return null;
  return main + ((await sizeOf(`${file}_data`)) ?? 0);
}
