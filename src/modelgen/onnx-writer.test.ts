// The writer's bytes decoded back with the same schema: field numbers, dims, attributes.
// Pure encoding logic; that onnxruntime accepts and runs the bytes is tested with the
// tiny models (tiny-llama.test.ts, tiny-classifier.test.ts).
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './graph-builder.ts';
import { ModelProtoType } from './onnx-schema.ts';
import { encodeOnnxModel } from './onnx-writer.ts';
import { float32Tensor, int64Tensor } from './tensor-data.ts';

function demoGraph() {
  const g = new GraphBuilder('demo');
  const x = g.input('x', 'float32', ['batch_size', 3]);
  const w = g.initializer('w', float32Tensor([3, 2], [1, 2, 3, 4, 5, 6]));
  const y = g.scope('block', () => g.op('MatMul', [x, w]));
  const normed = g.op('LayerNormalization', [y, g.floats([1, 1]), g.floats([0, 0])], { axis: -1, epsilon: { float: 1e-5 } });
  g.output(normed, 'float32', ['batch_size', 2], 'y');
  return g.build();
}

type Decoded = Record<string, any>;

describe('encodeOnnxModel', () => {
  it('writes ModelProto fields that decode back to the graph', () => {
    const decoded = ModelProtoType.toObject(ModelProtoType.decode(encodeOnnxModel(demoGraph())), {
      longs: Number,
      bytes: Array,
    }) as Decoded;
    expect(decoded.ir_version).toBe(8);
    // The default domain is the empty string, which protobuf may leave out.
    expect(decoded.opset_import.map((o: Decoded) => [o.domain ?? '', o.version])).toEqual([['', 17]]);
    const graph = decoded.graph as Decoded;
    expect(graph.name).toBe('demo');
    expect(graph.input[0].type.tensor_type).toEqual({
      elem_type: 1,
      shape: { dim: [{ dim_param: 'batch_size' }, { dim_value: 3 }] },
    });
    expect(graph.output.map((o: Decoded) => o.name)).toEqual(['y']);
    expect(graph.node.map((n: Decoded) => n.op_type)).toEqual(['MatMul', 'LayerNormalization', 'Identity']);
    expect(graph.node[0].name).toBe('block/MatMul_1');
    const attributes = graph.node[1].attribute as Decoded[];
    expect(attributes[0]).toMatchObject({ name: 'axis', type: 2, i: -1 });
    expect(attributes[1]).toMatchObject({ name: 'epsilon', type: 1 });
    expect(attributes[1]?.f).toBeCloseTo(1e-5, 10);
    const weight = (graph.initializer as Decoded[]).find((t) => t.name === 'w') as Decoded;
    expect(weight.dims).toEqual([3, 2]);
    expect(weight.data_type).toBe(1);
    expect(Array.from(new Float32Array(Uint8Array.from(weight.raw_data).buffer))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('is deterministic and records options', () => {
    const options = { metadata: { seed: '7' }, docString: 'doc', opsetVersion: 18 };
    const first = encodeOnnxModel(demoGraph(), options);
    expect(Buffer.from(encodeOnnxModel(demoGraph(), options)).equals(first)).toBe(true);
    const decoded = ModelProtoType.toObject(ModelProtoType.decode(first), { longs: Number }) as Decoded;
    expect(decoded.metadata_props).toEqual([{ key: 'seed', value: '7' }]);
    expect(decoded.doc_string).toBe('doc');
    expect(decoded.opset_import[0].version).toBe(18);
  });

  it('refuses a bare non-integer attribute (INT vs FLOAT is ambiguous in JavaScript)', () => {
    const g = new GraphBuilder('bad');
    const x = g.input('x', 'float32', [2]);
    g.output(g.op('LeakyRelu', [x], { alpha: 0.1 }), 'float32', [2], 'y');
    expect(() => encodeOnnxModel(g.build())).toThrow(/wrap floats/);
  });
});

describe('GraphBuilder', () => {
  it('rejects undefined inputs, duplicate names and graphs without outputs', () => {
    const g = new GraphBuilder('g');
    const x = g.input('x', 'float32', [1]);
    expect(() => g.op('Relu', ['missing'])).toThrow(/missing is not defined/);
    expect(() => g.input('x', 'float32', [1])).toThrow(/defined twice/);
    expect(() => g.build()).toThrow(/no outputs/);
    g.output(x, 'float32', [1]);
    expect(g.build().outputs.map((o) => o.name)).toEqual(['x']);
  });

  it('stores equal small constants once and keeps large ones apart', () => {
    const g = new GraphBuilder('g');
    expect(g.int64s([0, 1])).toBe(g.int64s([0, 1]));
    expect(g.int64s([0, 1])).not.toBe(g.int64s([0, 1], [1, 2]));
    const big = Array.from({ length: 100 }, (_, i) => i);
    expect(g.floats(big)).not.toBe(g.floats(big));
  });

  it('names the outputs of multi-output nodes', () => {
    const g = new GraphBuilder('g');
    const x = g.input('x', 'float32', [4]);
    const [a, b] = g.opMulti('Split', [x, g.constant(int64Tensor([2], [2, 2]))], 2, { axis: 0 }) as [string, string];
    g.output(a, 'float32', [2], 'a');
    g.output(b, 'float32', [2], 'b');
    const graph = g.build();
    expect(graph.nodes[0]?.outputs).toEqual([a, b]);
    expect(graph.initializers).toHaveLength(1);
  });
});
