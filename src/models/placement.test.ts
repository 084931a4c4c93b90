// Pure logic: the placement table.
import { describe, expect, it } from 'vitest';
import { choosePlacement, type Capabilities, type Device, type ModelDtype, type PlacementRequest } from './placement.ts';

const gpu = (shaderF16: boolean, isFallbackAdapter = false) => ({ shaderF16, isFallbackAdapter, maxBufferSize: 1 << 30 });
const browser = (webgpu: Capabilities['webgpu']): Capabilities => ({ runtime: 'browser', webgpu });

describe('choosePlacement', () => {
  it.each<[string, Capabilities, PlacementRequest, Device, ModelDtype]>([
    ['Node', { runtime: 'node', webgpu: null }, {}, 'cpu', 'fp32'],
    ['Node ignores a WebGPU request', { runtime: 'node', webgpu: null }, { device: 'webgpu' }, 'cpu', 'fp32'],
    ['WebGPU with shader-f16', browser(gpu(true)), {}, 'webgpu', 'fp16'],
    ['WebGPU without shader-f16', browser(gpu(false)), {}, 'webgpu', 'fp32'],
    ['no WebGPU', browser(null), {}, 'wasm', 'q8'],
    ['asked for WebGPU without an adapter', browser(null), { device: 'webgpu' }, 'wasm', 'q8'],
    ['software adapter', browser(gpu(false, true)), {}, 'wasm', 'q8'],
    ['software adapter, WebGPU asked for', browser(gpu(false, true)), { device: 'webgpu' }, 'webgpu', 'fp32'],
    ['asked for WASM on a real GPU', browser(gpu(true)), { device: 'wasm' }, 'wasm', 'q8'],
    ['a buffer larger than the GPU allows', browser(gpu(true)), { largestBufferBytes: 2 ** 31 }, 'wasm', 'q8'],
  ])('%s', (_, caps, request, device, dtype) => {
    const placement = choosePlacement(caps, request);
    expect(placement.device).toBe(device);
    expect(placement.dtype).toBe(dtype);
    expect(placement.reason).toBeTruthy();
    expect(placement.fallbackDtypes).not.toContain(dtype);
  });

  it('falls back to fp32 for models that ship only model.onnx, and never to fp16 without shader-f16', () => {
    expect(choosePlacement(browser(null)).fallbackDtypes[0]).toBe('fp32');
    expect(choosePlacement(browser(gpu(true))).fallbackDtypes).toContain('fp32');
    const noF16 = choosePlacement(browser(gpu(false))).fallbackDtypes;
    expect(noF16).not.toContain('fp16');
    expect(noF16).not.toContain('q4f16');
  });
});
