// Constant tensors as ONNX stores them: element type, shape and little-endian raw bytes.
// Values are written through a DataView so the bytes are the same on any host.

/** float16 appears only in graph inputs and outputs (no float16 weights are written). */
export type ElemType = 'float32' | 'float16' | 'int64' | 'int32' | 'bool';

export interface TensorData {
  readonly elemType: ElemType;
  readonly dims: readonly number[];
  /** Little-endian element bytes, row-major. */
  readonly raw: Uint8Array;
}

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((product, d) => product * d, 1);
}

function checkCount(dims: readonly number[], count: number): void {
  const expected = elementCount(dims);
  if (expected !== count) {
    throw new Error(`tensor of shape [${dims.join(', ')}] needs ${expected} values, got ${count}`);
  }
}

/** A float32 tensor; `values` is rounded to float32. `dims` [] is a scalar. */
export function float32Tensor(dims: readonly number[], values: ArrayLike<number>): TensorData {
  checkCount(dims, values.length);
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true);
  return { elemType: 'float32', dims: [...dims], raw };
}

/** An int64 tensor from safe integers (shapes, axes, indices). */
export function int64Tensor(dims: readonly number[], values: ArrayLike<number>): TensorData {
  checkCount(dims, values.length);
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isSafeInteger(value)) throw new Error(`int64 tensor value ${value} is not a safe integer`);
    view.setBigInt64(i * 8, BigInt(value), true);
  }
  return { elemType: 'int64', dims: [...dims], raw };
}

export function int32Tensor(dims: readonly number[], values: ArrayLike<number>): TensorData {
  checkCount(dims, values.length);
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i] as number, true);
  return { elemType: 'int32', dims: [...dims], raw };
}

export function boolTensor(dims: readonly number[], values: ArrayLike<boolean>): TensorData {
  checkCount(dims, values.length);
  const raw = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) raw[i] = values[i] ? 1 : 0;
  return { elemType: 'bool', dims: [...dims], raw };
}
