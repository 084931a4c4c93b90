// The ONNX bytes of the KV-row gather graph (per cache tensor: Gather(axis 0) over the rows, then Slice
// off the leading padding columns), written with protobufjs's wire-format Writer. The reflection encoder
// that writes the generated models (modelgen/onnx-schema.ts) compiles its code with `new Function`,
// which the app's Content-Security-Policy forbids; this runs in the worker, so it writes the few
// messages it needs field by field. Field numbers are onnx.proto's; fields go in increasing number, as
// the reflection encoder writes them (gatherGraph.test.ts checks the bytes are the same).
import protobuf from 'protobufjs/minimal.js';

type Writer = protobuf.Writer;

/** onnx.proto TensorProto.DataType values used here. */
const FLOAT = 1;
const INT64 = 7;
const FLOAT16 = 10;
/** AttributeProto.AttributeType.INT. */
const ATTRIBUTE_INT = 2;

/** Far past any cache width; Slice clamps `ends` to the axis length. */
export const TO_THE_END = 2 ** 50;

const VARINT = 0;
const LENGTH_DELIMITED = 2;
const tag = (w: Writer, field: number, wire: number) => w.uint32((field << 3) | wire);
const text = (w: Writer, field: number, value: string) => tag(w, field, LENGTH_DELIMITED).string(value);
const int = (w: Writer, field: number, value: number) => tag(w, field, VARINT).int64(value);
/** A nested message: its fields, length-prefixed. */
function message(w: Writer, field: number, body: (w: Writer) => void): void {
  tag(w, field, LENGTH_DELIMITED).fork();
  body(w);
  w.ldelim();
}

/** ValueInfoProto { name = 1, type = 2 { tensor_type = 1 { elem_type = 1, shape = 2 { dim = 1 { dim_param = 2 } } } } } */
function valueInfo(w: Writer, field: number, name: string, elemType: number, shape: readonly string[]): void {
  message(w, field, (info) => {
    text(info, 1, name);
    message(info, 2, (type) =>
      message(type, 1, (tensor) => {
        tag(tensor, 1, VARINT).int32(elemType);
        message(tensor, 2, (dims) => shape.forEach((dim) => message(dims, 1, (d) => text(d, 2, dim))));
      }),
    );
  });
}

/** NodeProto { input = 1, output = 2, name = 3, op_type = 4, attribute = 5 { name = 1, i = 3, type = 20 } }; i = 0 is left out (the default). */
function node(w: Writer, name: string, opType: string, inputs: readonly string[], outputs: readonly string[], axis?: number): void {
  message(w, 1, (n) => {
    inputs.forEach((input) => text(n, 1, input));
    outputs.forEach((output) => text(n, 2, output));
    text(n, 3, name);
    text(n, 4, opType);
    if (axis !== undefined) {
      message(n, 5, (a) => {
        text(a, 1, 'axis');
        if (axis !== 0) int(a, 3, axis);
        tag(a, 20, VARINT).int32(ATTRIBUTE_INT);
      });
    }
  });
}

/** TensorProto { dims = 1 (packed), data_type = 2, name = 8, raw_data = 9 }: a one-element int64 constant. */
function int64Constant(w: Writer, name: string, value: number): void {
  message(w, 5, (t) => {
    message(t, 1, (dims) => dims.int64(1));
    tag(t, 2, VARINT).int32(INT64);
    text(t, 8, name);
    const raw = new Uint8Array(8);
    new DataView(raw.buffer).setBigInt64(0, BigInt(value), true);
    tag(t, 9, LENGTH_DELIMITED).bytes(raw);
  });
}

/** ONNX bytes of the gather-and-trim graph for `count` rank-4 tensors of one element type. */
export function buildGatherModel(count: number, elemType: 'float32' | 'float16'): Uint8Array {
  const elem = elemType === 'float16' ? FLOAT16 : FLOAT;
  const w = protobuf.Writer.create();
  // ModelProto { ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 }
  int(w, 1, 8);
  text(w, 2, 'aligned-models');
  // GraphProto { node = 1, name = 2, initializer = 5, input = 11, output = 12 }
  message(w, 7, (graph) => {
    for (let i = 0; i < count; i++) {
      node(graph, `gather_${i}`, 'Gather', [`in_${i}`, 'rows'], [`rows_${i}`], 0);
      node(graph, `trim_${i}`, 'Slice', [`rows_${i}`, 'lead', 'ends', 'axes'], [`out_${i}`]);
    }
    text(graph, 2, 'kv_row_gather');
    int64Constant(graph, 'ends', TO_THE_END);
    int64Constant(graph, 'axes', 2);
    valueInfo(graph, 11, 'rows', INT64, ['rows']);
    valueInfo(graph, 11, 'lead', INT64, ['one']);
    for (let i = 0; i < count; i++) valueInfo(graph, 11, `in_${i}`, elem, ['batch', `heads_${i}`, 'width', `head_dim_${i}`]);
    for (let i = 0; i < count; i++) valueInfo(graph, 12, `out_${i}`, elem, ['rows', `heads_${i}`, 'kept', `head_dim_${i}`]);
  });
  // OperatorSetIdProto { domain = 1 (the default domain, '', left out), version = 2 }
  message(w, 8, (opset) => int(opset, 2, 17));
  return w.finish();
}
