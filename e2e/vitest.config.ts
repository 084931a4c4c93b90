// End-to-end tests: the built app (vite build + vite preview, started and stopped by global-setup.ts)
// in Debian's Chromium driven by playwright-core. Run with `npm run e2e`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // One browser at a time: the machine has two cores and WebGPU here is a software renderer.
    fileParallelism: false,
    pool: 'forks',
  },
});
