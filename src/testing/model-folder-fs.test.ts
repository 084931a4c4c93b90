import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeModelFolder } from './model-folder-fs.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'model-folder-'));
  folders.push(folder);
  return folder;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeModelFolder', () => {
  it('writes missing files, skips unchanged ones and removes files the model no longer has', async () => {
    const folder = await tempFolder();
    const files = new Map([
      ['config.json', bytes('{}')],
      ['onnx/model.onnx', bytes('graph')],
    ]);
    expect((await writeModelFolder(folder, files)).written).toEqual(['config.json', 'onnx/model.onnx']);
    const before = await stat(join(folder, 'onnx/model.onnx'));
    const again = await writeModelFolder(folder, files);
    expect(again).toMatchObject({ written: [], removed: [], bytes: 7 });
    expect((await stat(join(folder, 'onnx/model.onnx'))).mtimeMs).toBe(before.mtimeMs);

    await writeFile(join(folder, 'stale.txt'), 'old');
    const changed = await writeModelFolder(folder, new Map([['config.json', bytes('{"a":1}')]]));
    expect(changed.written).toEqual(['config.json']);
    expect([...changed.removed].sort()).toEqual(['onnx/model.onnx', 'stale.txt']);
    expect(await readFile(join(folder, 'config.json'), 'utf8')).toBe('{"a":1}');
    expect(await readdir(folder, { recursive: true })).toContain('config.json');
  });

  it('refuses paths that leave the folder', async () => {
    const folder = await tempFolder();
    await expect(writeModelFolder(folder, new Map([['../evil', bytes('x')]]))).rejects.toThrow(/unsafe/);
  });
});
