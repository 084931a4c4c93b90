// Encode an OnnxGraph as .onnx bytes (an onnx.ModelProto). Same graph in, same bytes out:
// no timestamps, no random ids, fields in a fixed order.
import type { AttributeValue, Dim, NodeSpec, OnnxGraph, ValueInfo } from './graph.ts';
import { ModelProtoType, OnnxAttributeType, OnnxDataType } from './onnx-schema.ts';
import type { ElemType, TensorData } from './tensor-data.ts';
import { encodeUtf8 } from './utf8.ts';

export interface OnnxModelOptions {
  /**
   * IR version 8 with opset 17 loads in onnxruntime-node 1.30 and onnxruntime-web 1.31
   * and covers every op our builders use (LayerNormalization is opset 17).
   */
  readonly irVersion?: number;
  readonly opsetVersion?: number;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly docString?: string;
  /** Free-form key/value pairs stored in the model (ModelProto.metadata_props). */
  readonly metadata?: Readonly<Record<string, string>>;
}

export const DEFAULT_IR_VERSION = 8;
export const DEFAULT_OPSET_VERSION = 17;

const dataTypeOf: Record<ElemType, number> = {
  float32: OnnxDataType.FLOAT,
  float16: OnnxDataType.FLOAT16,
  int64: OnnxDataType.INT64,
  int32: OnnxDataType.INT32,
  bool: OnnxDataType.BOOL,
};

function tensorProto(tensor: TensorData, name?: string) {
  return { dims: [...tensor.dims], data_type: dataTypeOf[tensor.elemType], name, raw_data: tensor.raw };
}

function dimensionProto(dim: Dim) {
  return typeof dim === 'number' ? { dim_value: dim } : { dim_param: dim };
}

function valueInfoProto(value: ValueInfo) {
  return {
    name: value.name,
    type: {
      tensor_type: {
        elem_type: dataTypeOf[value.elemType],
        shape: { dim: value.dims.map(dimensionProto) },
      },
    },
  };
}

function attributeProto(name: string, value: AttributeValue) {
  if (typeof value === 'string') return { name, type: OnnxAttributeType.STRING, s: encodeUtf8(value) };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`attribute ${name}=${value}: wrap floats as { float: x }`);
    return { name, type: OnnxAttributeType.INT, i: value };
  }
  if (Array.isArray(value)) {
    const ints = value as readonly number[];
    if (!ints.every(Number.isInteger)) throw new Error(`attribute ${name}: wrap float lists as { floats: [...] }`);
    return { name, type: OnnxAttributeType.INTS, ints: [...ints] };
  }
  if ('float' in value) return { name, type: OnnxAttributeType.FLOAT, f: value.float };
  if ('floats' in value) return { name, type: OnnxAttributeType.FLOATS, floats: [...value.floats] };
  if ('tensor' in value) return { name, type: OnnxAttributeType.TENSOR, t: tensorProto(value.tensor) };
  throw new Error(`attribute ${name}: unsupported value`);
}

function nodeProto(node: NodeSpec) {
  return {
    input: [...node.inputs],
    output: [...node.outputs],
    name: node.name,
    op_type: node.opType,
    attribute: Object.entries(node.attributes).map(([name, value]) => attributeProto(name, value)),
    domain: node.domain === '' ? undefined : node.domain,
  };
}

/** The .onnx file bytes of `graph`. */
export function encodeOnnxModel(graph: OnnxGraph, options: OnnxModelOptions = {}): Uint8Array {
  const usedDomains = [...new Set(graph.nodes.map((node) => node.domain))].filter((d) => d !== '').sort();
  const opsetVersion = options.opsetVersion ?? DEFAULT_OPSET_VERSION;
  const message = {
    ir_version: options.irVersion ?? DEFAULT_IR_VERSION,
    producer_name: options.producerName ?? 'aligned-modelgen',
    producer_version: options.producerVersion ?? '1',
    doc_string: options.docString,
    graph: {
      node: graph.nodes.map(nodeProto),
      name: graph.name,
      initializer: graph.initializers.map((init) => tensorProto(init.tensor, init.name)),
      input: graph.inputs.map(valueInfoProto),
      output: graph.outputs.map(valueInfoProto),
    },
    // Custom domains (e.g. com.microsoft) get version 1; the default domain gets the opset.
    opset_import: [{ domain: '', version: opsetVersion }, ...usedDomains.map((domain) => ({ domain, version: 1 }))],
    metadata_props: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
  };
  const invalid = ModelProtoType.verify(message);
  if (invalid) throw new Error(`invalid ONNX model message: ${invalid}`);
  return ModelProtoType.encode(ModelProtoType.fromObject(message)).finish();
}
