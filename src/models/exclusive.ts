// onnxruntime-web cannot run two sessions at once ("Session already started"), and transformers.js
// only serialises the runs it makes itself. Our own sessions (the KV row gather) and every model call
// of this layer go through this one queue, so no two ORT runs of ours ever overlap.

let tail: Promise<unknown> = Promise.resolve();

export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const result = tail.then(work, work);
  tail = result.catch(() => undefined);
  return result;
}
