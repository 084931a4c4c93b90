// The WebGPU adapter in words for the start screen: the model layer's probe says what placement needs;
// this adds what a person wants to read (vendor, architecture, binding limit). Never throws.
import type { WebGpuReport } from './api.ts';

export async function describeAdapter(): Promise<{ report: WebGpuReport | null; problem: string | null }> {
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (gpu === undefined) return { report: null, problem: 'this browser exposes no navigator.gpu' };
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return { report: null, problem: 'the browser found no usable GPU adapter' };
    const info = adapter.info;
    const legacyFallback = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
    return {
      report: {
        vendor: info?.vendor ?? '',
        architecture: info?.architecture || info?.description || '',
        isFallbackAdapter: info?.isFallbackAdapter ?? legacyFallback ?? false,
        shaderF16: adapter.features.has('shader-f16'),
        maxBufferSize: adapter.limits.maxBufferSize,
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      },
      problem: null,
    };
  } catch (error) {
    return { report: null, problem: error instanceof Error ? error.message : String(error) };
  }
}
