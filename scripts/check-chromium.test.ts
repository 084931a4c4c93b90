// A new user without Chromium: `npm test` stops in seconds, before installing anything, with the
// command that installs it (and the cleanup of the end-to-end tests never gets to fail instead).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./check-chromium.mjs', import.meta.url));
const check = (chromium: string) => spawnSync(process.execPath, [script], { env: { ...process.env, CHROMIUM_PATH: chromium }, encoding: 'utf8', timeout: 10_000 });

describe('check-chromium', () => {
  it('fails at once with the install command when Chromium is missing', () => {
    const started = Date.now();
    const result = check('/nonexistent/chromium');
    expect(result.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.stderr).toMatch(/Chromium not found: CHROMIUM_PATH \(\/nonexistent\/chromium\) does not exist/);
    expect(result.stderr).toContain('sudo apt-get install chromium');
    expect(result.stderr).toContain('CHROMIUM_PATH=');
  });

  it('passes quietly when the browser is there', () => {
    const result = check(process.execPath); // any executable file stands in for it
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('runs first: `npm test` checks before `npm ci`, `npm run e2e` before building', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.test).toMatch(/^node scripts\/check-chromium\.mjs && npm ci && /);
    expect(scripts.e2e).toMatch(/^node scripts\/check-chromium\.mjs && /);
  });
});
