// Watches the WebGPU device that onnxruntime-web runs on. A lost device (driver reset, out of
// memory, tab in the background too long) fails every later call; knowing it early lets the
// worker tell the user at once, and lets every run error say why instead of a raw ORT message.
import { env } from '@huggingface/transformers';

export interface DeviceLossInfo {
  readonly reason: string;
  readonly message: string;
}

/** What this module reads of a GPUDevice. */
export interface LosableDevice {
  readonly lost: Promise<{ readonly reason?: string; readonly message?: string }>;
}

let lostInfo: DeviceLossInfo | null = null;
const watched = new WeakSet<object>();
const listeners = new Set<(info: DeviceLossInfo) => void>();

/** The loss of any watched device, or null while all are fine. */
export function deviceLoss(): DeviceLossInfo | null {
  return lostInfo;
}

/** Calls `listener` once a watched device is lost (at once if one already was). Returns an unsubscribe. */
export function onDeviceLost(listener: (info: DeviceLossInfo) => void): () => void {
  if (lostInfo) listener(lostInfo);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function watchDevice(device: LosableDevice): void {
  if (watched.has(device)) return;
  watched.add(device);
  void device.lost.then((info) => {
    lostInfo = { reason: info.reason ?? 'unknown', message: info.message || 'the GPU device was lost' };
    for (const listener of listeners) listener(lostInfo);
  });
}

/** After a model loaded on WebGPU: watch the device onnxruntime-web created for it. Never throws. */
export async function watchOnnxWebGpuDevice(): Promise<void> {
  try {
    const webgpu = (env.backends.onnx as { webgpu?: { device?: Promise<LosableDevice> } }).webgpu;
    const device = await webgpu?.device;
    if (device && typeof device === 'object' && 'lost' in device) watchDevice(device);
  } catch {
    // No device to watch: calls will fail on their own and be reported then.
  }
}

/** Tests only: forget a loss. */
export function resetDeviceLossForTests(): void {
  lostInfo = null;
  listeners.clear();
}
