// Builds the app with its built-in models into .cache/e2e-dist, serves it with `vite preview` on a
// free port (with the COOP/COEP headers of vite.config.ts) and hands the address to the tests.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { buildModels, PUBLIC_MODELS_DIR } from '../scripts/lib/buildModels.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
// One build folder per process: two suites run at once from one checkout (as when checking for flakes
// on a loaded machine) must not empty each other's build under a running server.
const outDir = fileURLToPath(new URL(`../.cache/e2e-dist/${process.pid}`, import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Builds the models and the app, then serves the build; `close` stops the server. Unminified for readable profiles. */
export async function serveBuiltApp(options: { minify?: boolean } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  await buildModels(PUBLIC_MODELS_DIR);
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: options.minify ?? true } });
  const port = await freePort();
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** Without a browser every test would fail on its own, after the build: stop here, saying how to install one. */
function requireChromium(): void {
  const check = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/check-chromium.mjs', import.meta.url))], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(check.stderr || 'Chromium was not found (scripts/check-chromium.mjs).');
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium();
  const server = await serveBuiltApp();
  project.provide('baseUrl', server.url);
  return server.close;
}
