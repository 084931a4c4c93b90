// The plain-data description of an ONNX graph that GraphBuilder produces and the writer
// encodes. Kept free of protobuf types so graphs can be inspected and compared in tests.
import type { ElemType, TensorData } from './tensor-data.ts';

/** A dimension: a fixed size, or a symbolic name such as "batch_size". */
export type Dim = number | string;

export interface ValueInfo {
  readonly name: string;
  readonly elemType: ElemType;
  readonly dims: readonly Dim[];
}

/**
 * A node attribute. Plain integers encode as INT, integer arrays as INTS, strings as STRING;
 * floats must be wrapped (`{ float: 1 }`, `{ floats: [...] }`) because `1` and `1.0` are the
 * same JavaScript number and ONNX checks the attribute type.
 */
export type AttributeValue =
  | number
  | readonly number[]
  | string
  | { readonly float: number }
  | { readonly floats: readonly number[] }
  | { readonly tensor: TensorData };

export type Attributes = Readonly<Record<string, AttributeValue>>;

export interface NodeSpec {
  readonly name: string;
  readonly opType: string;
  /** Value names; '' marks an omitted optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Attributes;
  /** Operator set domain; '' (the default ONNX domain) unless set. */
  readonly domain: string;
}

export interface Initializer {
  readonly name: string;
  readonly tensor: TensorData;
}

export interface OnnxGraph {
  readonly name: string;
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  readonly initializers: readonly Initializer[];
  /** Topologically sorted: each node only reads values defined before it. */
  readonly nodes: readonly NodeSpec[];
}
