// Row selection on the device: a tiny ONNX graph (per cache tensor: Gather(axis 0) over the rows,
// then Slice off the leading padding columns) run by the same onnxruntime as the model, with its
// outputs kept as GPU buffers. Downloading the cache to copy rows on the CPU and uploading it again
// costs several times more (platform notes), and the GPU is where the cache must stay.
import { Tensor, type PreTrainedModel } from '@huggingface/transformers';
import { exclusive } from './exclusive.ts';
import { buildGatherModel } from './gatherGraph.ts';
import type { KvCache, KvRowSelector } from './kvRows.ts';

interface OrtSession {
  run(feeds: Record<string, unknown>): Promise<Record<string, unknown>>;
  release?(): Promise<void>;
}
interface OrtSessionFactory {
  create(model: Uint8Array, options: Record<string, unknown>): Promise<OrtSession>;
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
