// Row selection on the device: a tiny ONNX graph (per cache tensor: Gather(axis 0) over the rows,
// then Slice off the leading padding columns) run by the same onnxruntime as the model, with its
// outputs kept as GPU buffers. Downloading the cache to copy rows on the CPU and uploading it again
// costs several times more (platform notes), and the GPU is where the cache must stay.
import { Tensor, type PreTrainedModel } from '@huggingface/transformers';
import { ModelProtoType, OnnxDataType } from '../modelgen/onnx-schema.ts';
import { int64Tensor as int64Data } from '../modelgen/tensor-data.ts';
import { exclusive } from './exclusive.ts';
import type { KvCache, KvRowSelector } from './kvRows.ts';

/** Far past any cache width; Slice clamps `ends` to the axis length. */
const TO_THE_END = 2 ** 50;

interface OrtSession {
  run(feeds: Record<string, unknown>): Promise<Record<string, unknown>>;
  release?(): Promise<void>;
}
interface OrtSessionFactory {
  create(model: Uint8Array, options: Record<string, unknown>): Promise<OrtSession>;
}

/** ONNX bytes of the gather-and-trim graph for `count` rank-4 tensors of one element type. */
export function buildGatherModel(count: number, elemType: 'float32' | 'float16'): Uint8Array {
  const elem = elemType === 'float16' ? OnnxDataType.FLOAT16 : OnnxDataType.FLOAT;
  const dims = (names: readonly string[]) => ({ dim: names.map((dim_param) => ({ dim_param })) });
  const valueInfo = (name: string, elem_type: number, shape: readonly string[]) => ({
    name,
    type: { tensor_type: { elem_type, shape: dims(shape) } },
  });
  const initializer = (name: string, values: number[]) => {
    const t = int64Data([values.length], values);
    return { name, dims: [...t.dims], data_type: OnnxDataType.INT64, raw_data: t.raw };
  };
  const node = [];
  const input = [valueInfo('rows', OnnxDataType.INT64, ['rows']), valueInfo('lead', OnnxDataType.INT64, ['one'])];
  const output = [];
  for (let i = 0; i < count; i++) {
    input.push(valueInfo(`in_${i}`, elem, ['batch', `heads_${i}`, 'width', `head_dim_${i}`]));
    output.push(valueInfo(`out_${i}`, elem, ['rows', `heads_${i}`, 'kept', `head_dim_${i}`]));
    const gather = { name: `gather_${i}`, op_type: 'Gather', input: [`in_${i}`, 'rows'], output: [`rows_${i}`] };
    node.push({ ...gather, attribute: [{ name: 'axis', type: 2, i: 0 }] });
    node.push({ name: `trim_${i}`, op_type: 'Slice', input: [`rows_${i}`, 'lead', 'ends', 'axes'], output: [`out_${i}`] });
  }
  const message = {
    ir_version: 8,
    producer_name: 'aligned-models',
    graph: {
      name: 'kv_row_gather',
      node,
      initializer: [initializer('ends', [TO_THE_END]), initializer('axes', [2])],
      input,
      output,
    },
    opset_import: [{ domain: '', version: 17 }],
  };
  const invalid = ModelProtoType.verify(message);
  if (invalid) throw new Error(`gather graph: ${invalid}`);
  return ModelProtoType.encode(ModelProtoType.fromObject(message)).finish();
}

/**
 * A row selector that runs the gather graph with the model's own onnxruntime (taken from the model's
 * session, so it is the same build and, on WebGPU, the same device). Outputs stay on the GPU there.
 */
export function deviceRowSelector(model: PreTrainedModel, device: 'webgpu' | 'wasm' | 'cpu'): KvRowSelector {
  const sessions = new Map<string, Promise<OrtSession>>();
  const modelSession = (model.sessions as Record<string, object>)['model'];
  const factory = modelSession?.constructor as unknown as OrtSessionFactory | undefined;
  if (factory?.create === undefined) throw new Error('the model has no ONNX session to borrow the runtime from');

  const sessionFor = (count: number, elemType: 'float32' | 'float16'): Promise<OrtSession> => {
    const key = `${count}:${elemType}`;
    let session = sessions.get(key);
    if (session === undefined) {
      const outputs = Object.fromEntries(Array.from({ length: count }, (_, i) => [`out_${i}`, 'gpu-buffer']));
      session = factory.create(buildGatherModel(count, elemType), {
        executionProviders: [device],
        ...(device === 'webgpu' && { preferredOutputLocation: outputs }),
      });
      sessions.set(key, session);
    }
    return session;
  };

  return {
    async select(cache: KvCache, rows: readonly number[], lead: number) {
      const names = [...cache.keys()];
      const first = cache.get(names[0] ?? '');
      if (first === undefined) return new Map();
      const elemType = first.type === 'float16' ? 'float16' : 'float32';
      const session = await sessionFor(names.length, elemType);
      const feeds: Record<string, unknown> = {
        rows: new Tensor('int64', BigInt64Array.from(rows, BigInt), [rows.length]).ort_tensor,
        lead: new Tensor('int64', BigInt64Array.of(BigInt(lead)), [1]).ort_tensor,
      };
      names.forEach((name, i) => (feeds[`in_${i}`] = cache.get(name)?.ort_tensor));
      const results = await exclusive(() => session.run(feeds));
      return new Map(names.map((name, i) => [name, new Tensor(results[`out_${i}`] as Tensor['ort_tensor'])]));
    },
    async dispose() {
      const all = await Promise.all(sessions.values());
      sessions.clear();
      await Promise.all(all.map((s) => s.release?.()));
    },
  };
}
