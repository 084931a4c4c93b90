// What this machine offers, for `choosePlacement`. Never throws: a failed probe just means "no WebGPU".
import type { Capabilities, WebGpuCapabilities } from './placement.ts';

/** Node (onnxruntime-node) versus a browser page or worker (onnxruntime-web). */
export function isNodeRuntime(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

export async function probeCapabilities(): Promise<Capabilities> {
  if (isNodeRuntime()) return { runtime: 'node', webgpu: null };
  return { runtime: 'browser', webgpu: await probeWebGpu() };
}

async function probeWebGpu(): Promise<WebGpuCapabilities | null> {
  try {
    const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
    if (gpu === undefined) return null;
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return null;
    // Older Chromium exposed the flag on the adapter itself, newer ones on adapter.info.
    const legacy = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
    return {
      shaderF16: adapter.features.has('shader-f16'),
      isFallbackAdapter: adapter.info?.isFallbackAdapter ?? legacy ?? false,
      maxBufferSize: adapter.limits.maxBufferSize,
    };
  } catch {
    return null;
  }
}
