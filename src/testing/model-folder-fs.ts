// Write a generated model folder (Map of relative path -> bytes) to disk, touching only
// files whose bytes changed, so repeated builds are cheap and keep file times stable.
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

const TEMP_SUFFIX = '.partial-';

async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const existing = await readFile(path);
    return existing.length === bytes.length && existing.equals(bytes);
  } catch {
    return false;
  }
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

export interface FolderWriteResult {
  readonly folder: string;
  /** Files written because they were missing or different. */
  readonly written: readonly string[];
  /** Files removed because the model no longer has them. */
  readonly removed: readonly string[];
  readonly bytes: number;
}

/** Make `folder` hold exactly `files`; returns what had to change. */
export async function writeModelFolder(
  folder: string,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<FolderWriteResult> {
  const written: string[] = [];
  let bytes = 0;
  for (const [path, content] of files) {
    if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`unsafe model file path ${path}`);
    bytes += content.length;
    const target = join(folder, path);
    if (await sameBytes(target, content)) continue;
    await mkdir(dirname(target), { recursive: true });
    // Write then rename: test processes running in parallel may build the same folder,
    // and a reader must never see a half-written file.
    const temporary = `${target}${TEMP_SUFFIX}${process.pid}`;
    await writeFile(temporary, content);
    await rename(temporary, target);
    written.push(path);
  }
  const removed = (await listFiles(folder)).filter((path) => !files.has(path) && !path.includes(TEMP_SUFFIX));
  for (const path of removed) await rm(join(folder, path));
  return { folder, written, removed, bytes };
}
