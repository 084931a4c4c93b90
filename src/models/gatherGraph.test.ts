// The gather graph written field by field (no code generation, as the Content-Security-Policy asks)
// is byte for byte what the reflection encoder of the generated models writes for the same message.
import { describe, expect, it } from 'vitest';
import { ModelProtoType, OnnxDataType } from '../modelgen/onnx-schema.ts';
import { int64Tensor } from '../modelgen/tensor-data.ts';
import { buildGatherModel, TO_THE_END } from './gatherGraph.ts';

function reflected(count: number, elemType: 'float32' | 'float16'): Uint8Array {
  const elem = elemType === 'float16' ? OnnxDataType.FLOAT16 : OnnxDataType.FLOAT;
  const valueInfo = (name: string, elem_type: number, shape: readonly string[]) => ({
    name, type: { tensor_type: { elem_type, shape: { dim: shape.map((dim_param) => ({ dim_param })) } } },
  });
  const initializer = (name: string, value: number) => {
    const t = int64Tensor([1], [value]);
    return { name, dims: [...t.dims], data_type: OnnxDataType.INT64, raw_data: t.raw };
  };
  const node = [];
  const input = [valueInfo('rows', OnnxDataType.INT64, ['rows']), valueInfo('lead', OnnxDataType.INT64, ['one'])];
  const output = [];
  for (let i = 0; i < count; i++) {
    input.push(valueInfo(`in_${i}`, elem, ['batch', `heads_${i}`, 'width', `head_dim_${i}`]));
    output.push(valueInfo(`out_${i}`, elem, ['rows', `heads_${i}`, 'kept', `head_dim_${i}`]));
    node.push({ name: `gather_${i}`, op_type: 'Gather', input: [`in_${i}`, 'rows'], output: [`rows_${i}`], attribute: [{ name: 'axis', type: 2, i: 0 }] });
    node.push({ name: `trim_${i}`, op_type: 'Slice', input: [`rows_${i}`, 'lead', 'ends', 'axes'], output: [`out_${i}`] });
  }
  const message = {
    ir_version: 8,
    producer_name: 'aligned-models',
    graph: { name: 'kv_row_gather', node, initializer: [initializer('ends', TO_THE_END), initializer('axes', 2)], input, output },
    opset_import: [{ domain: '', version: 17 }],
  };
  expect(ModelProtoType.verify(message)).toBeNull();
  return ModelProtoType.encode(ModelProtoType.fromObject(message)).finish();
}

describe('the KV-row gather graph', () => {
  for (const [count, elemType] of [[1, 'float32'], [4, 'float16'], [60, 'float32']] as const) {
    it(`is the bytes the reflection encoder writes: ${count} tensors of ${elemType}`, () => {
      expect(Buffer.from(buildGatherModel(count, elemType)).toString('hex')).toBe(Buffer.from(reflected(count, elemType)).toString('hex'));
    });
  }
});
