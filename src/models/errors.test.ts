// Load failures come out as EngineErrors with the right code: first real loads of broken folders
// (real transformers.js, real onnxruntime-node), then the message mapping on its own (pure logic).
import { cp, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors.ts';
import { ensureTinyModels, type TinyModelFolders } from '../testing/tiny-models.ts';
import { loadGenerator } from './causalLm.ts';
import { toLoadError, toRunError } from './errors.ts';
import { loadRewardModel } from './rewardModel.ts';

const cpu = { device: 'cpu', dtype: 'fp32' } as const;
let folders: TinyModelFolders;
let scratch: string;

beforeAll(async () => {
  folders = await ensureTinyModels();
  scratch = await mkdtemp(join(tmpdir(), 'models-errors-'));
});
afterAll(async () => rm(scratch, { recursive: true, force: true }));

/** A copy of the tiny LLaMA folder, changed by `edit`. */
async function brokenCopy(name: string, edit: (folder: string) => Promise<void>): Promise<string> {
  const folder = join(scratch, name);
  await cp(folders.llama, folder, { recursive: true });
  await edit(folder);
  return folder;
}

describe('loading a broken model folder', () => {
  it('a folder that does not exist: model-not-found', async () => {
    const error = await loadGenerator({ kind: 'path', path: join(scratch, 'nothing-here') }, cpu).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'model-not-found' });
    expect((error as EngineError).hint).toBeTruthy();
  });

  it('a folder without ONNX weights: not-onnx', async () => {
    const folder = await brokenCopy('no-onnx', (f) => rm(join(f, 'onnx'), { recursive: true }));
    await expect(loadGenerator({ kind: 'path', path: folder }, cpu)).rejects.toMatchObject({ code: 'not-onnx' });
  });

  it('only a precision the device cannot use: not-onnx, naming the files it looked for', async () => {
    const error = await loadGenerator({ kind: 'path', path: folders.llama }, { device: 'cpu', dtype: 'q4', fallbackDtypes: ['fp16'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-onnx' });
    expect((error as Error).message).toContain('onnx/model_q4.onnx');
  });

  it('falls back to a precision the folder ships', async () => {
    const generator = await loadGenerator({ kind: 'path', path: folders.llama }, { device: 'cpu', dtype: 'q8', fallbackDtypes: ['fp16', 'fp32'] });
    expect(generator.dtype).toBe('fp32');
    await generator.dispose();
  });

  it('an architecture transformers.js does not know: unsupported-model', async () => {
    const folder = await brokenCopy('odd-arch', async (f) => {
      const config = JSON.parse(await readFile(join(f, 'config.json'), 'utf8')) as Record<string, unknown>;
      await writeFile(join(f, 'config.json'), JSON.stringify({ ...config, model_type: 'no-such-arch', architectures: ['NoSuchArch'] }));
    });
    await expect(loadGenerator({ kind: 'path', path: folder }, cpu)).rejects.toMatchObject({ code: 'unsupported-model' });
  });

  it('a classifier asked to generate: unsupported-model', async () => {
    await expect(loadGenerator({ kind: 'path', path: folders.classifier }, cpu)).rejects.toMatchObject({ code: 'unsupported-model' });
  });

  it('a corrupt ONNX file: a load error with a message, not a hang', async () => {
    const folder = await brokenCopy('corrupt', (f) => writeFile(join(f, 'onnx', 'model.onnx'), 'not a protobuf'));
    const error = await loadRewardModel({ kind: 'path', path: folder }, cpu).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message.length).toBeGreaterThan(10);
  });
});

// Pure logic: the message patterns onnxruntime and browsers use, mapped without any model.
describe('toLoadError / toRunError', () => {
  const context = { label: 'm' };
  it.each([
    [new Error('std::bad_alloc'), 'out-of-memory'],
    [new Error('RangeError: Array buffer allocation failed'), 'out-of-memory'],
    [new Error("Failed to allocate memory for requested buffer of size 123"), 'out-of-memory'],
    [new Error('GPUDevice was lost: the device was lost'), 'device-lost'],
    [new TypeError('fetch failed'), 'download-failed'],
    [new TypeError('Failed to fetch'), 'download-failed'],
    [new Error('Unsupported model type: mamba9'), 'unsupported-model'],
    [new Error('Could not locate file: "https://huggingface.co/a/b/resolve/main/config.json".'), 'model-not-found'],
    [new Error('Could not locate file: "https://huggingface.co/a/b/resolve/main/onnx/model_q4.onnx".'), 'not-onnx'],
    [new Error('something odd'), 'internal'],
  ])('%s -> %s', (error, code) => {
    expect(toLoadError(error, context).code).toBe(code);
  });

  it('reports a swallowed network failure as download-failed even when the library says "not found"', () => {
    const error = toLoadError(new Error('file was not found locally at "/x/config.json"'), { label: 'm', fetchFailures: [new TypeError('fetch failed')] });
    expect(error.code).toBe('download-failed');
  });

  it('passes EngineErrors and aborts through', () => {
    const engine = new EngineError({ code: 'aborted', message: 'Stopped.' });
    expect(toLoadError(engine, context)).toBe(engine);
    const abort = Object.assign(new Error('Stopped.'), { name: 'AbortError' });
    expect(toRunError(abort, 'm')).toBe(abort);
    expect(toRunError(new Error('device lost'), 'm')).toMatchObject({ code: 'device-lost' });
  });
});
