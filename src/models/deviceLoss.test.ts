// Pure logic with a fake device (an object with a `lost` promise, as GPUDevice has): no GPU here.
import { afterEach, expect, it } from 'vitest';
import { deviceLoss, onDeviceLost, resetDeviceLossForTests, watchDevice } from './deviceLoss.ts';
import { toRunError } from './errors.ts';
import { EngineError } from '../core/errors.ts';

afterEach(() => resetDeviceLossForTests());

it('reports a watched device loss to listeners and turns later run errors into device-lost', async () => {
  let lose!: (info: { reason: string; message: string }) => void;
  const device = { lost: new Promise<{ reason: string; message: string }>((resolve) => (lose = resolve)) };
  const heard: string[] = [];
  onDeviceLost((info) => heard.push(info.reason));
  watchDevice(device);
  expect(deviceLoss()).toBeNull();
  expect((toRunError(new Error('some ORT failure'), 'gen') as EngineError).code).toBe('internal');

  lose({ reason: 'unknown', message: 'Device was lost: out of memory' });
  await Promise.resolve();
  await Promise.resolve();
  expect(heard).toEqual(['unknown']);
  expect(deviceLoss()?.message).toBe('Device was lost: out of memory');
  const error = toRunError(new Error('some ORT failure'), 'gen') as EngineError;
  expect(error.code).toBe('device-lost');
  expect(error.message).toContain('out of memory');
  // A late listener hears about it at once.
  onDeviceLost((info) => heard.push(`late ${info.reason}`));
  expect(heard).toEqual(['unknown', 'late unknown']);
});
