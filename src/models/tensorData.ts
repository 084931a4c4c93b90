// Reading model outputs as float32 whatever they come as: fp16 models return float16 logits
// (Uint16Array bits, or Float16Array where the runtime has it), WebGPU outputs may live on the GPU.
import { Tensor } from '@huggingface/transformers';

type Float16ArrayLike = ArrayLike<number> & { readonly BYTES_PER_ELEMENT: 2 };

/** float16 bits to float32, exact (every half value is representable in single precision). */
export function halfBitsToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** The tensor's values as float32 (downloading it when it sits on the GPU). */
export async function readFloats(tensor: Tensor): Promise<Float32Array> {
  const data =
    tensor.location === 'gpu-buffer'
      ? ((await (tensor.ort_tensor as { getData(release?: boolean): Promise<unknown> }).getData(true)) as unknown)
      : (tensor.data as unknown);
  if (data instanceof Float32Array) return data;
  if (tensor.type === 'float16') {
    if (data instanceof Uint16Array) return Float32Array.from(data, halfBitsToFloat);
    return Float32Array.from(data as Float16ArrayLike);
  }
  throw new Error(`expected float32 or float16 output, got ${tensor.type}`);
}

export function int64Tensor(values: BigInt64Array, dims: readonly number[]): Tensor {
  return new Tensor('int64', values, [...dims]);
}
