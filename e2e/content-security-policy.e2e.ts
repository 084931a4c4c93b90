// The built app under its Content-Security-Policy (scripts/lib/contentSecurityPolicy.ts): served with
// the header, the meta tag in index.html, and nothing the app does (load the built-in models, run on
// WASM, save the run, open it again, refuse a copy with nonsense numbers) breaks the policy, in the
// page or in its workers. A blocked inline
// script at the end shows that the watch sees a violation when there is one.
import { readFile } from 'node:fs/promises';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium } from './browser.ts';

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** Console lines about the policy, from the page or a worker (Chromium reports each violation there). */
const policyConsole: string[] = [];

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly where: string;
}

declare global {
  var __violations: Violation[] | undefined;
}

/** Records every violation in this global scope (a page or a worker). */
function watchViolations(where: string): void {
  globalThis.__violations = [];
  globalThis.addEventListener('securitypolicyviolation', (event) => {
    const e = event as SecurityPolicyViolationEvent;
    globalThis.__violations!.push({ directive: e.effectiveDirective, blocked: e.blockedURI, where });
  });
}

const isPolicyMessage = (message: ConsoleMessage) => /Content.Security.Policy|Refused to/i.test(message.text());

async function violations(): Promise<Violation[]> {
  return page.evaluate(() => globalThis.__violations ?? []);
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (message) => {
    if (isPolicyMessage(message)) policyConsole.push(`${message.worker() ? 'worker' : 'page'}: ${message.text()}`);
  });
  // Workers report their own violations: watch each one as it starts (what it did before shows in the console).
  page.on('worker', (worker) => void worker.evaluate(watchViolations, `worker ${worker.url()}`).catch(() => {}));
  await page.addInitScript(watchViolations, 'page');
});

afterAll(async () => {
  await browser?.close();
});

describe('the Content-Security-Policy of the built app', () => {
  it('is sent as a header and written into index.html, with no inline script and no eval', async () => {
    const response = await page.goto(`${inject('baseUrl')}?device=wasm`);
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toMatch(/script-src 'self' blob: 'wasm-unsafe-eval'(;|$)/);
    expect(header).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(header).toMatch(/worker-src 'self' blob:/);
    expect(header).toMatch(/connect-src [^;]*https:\/\/huggingface\.co/);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(header);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });

  it('lets the app load the built-in models, run, save the run and open it again (and refuse a nonsense copy) without a violation', async () => {
    await loadModels(page);
    await setSettings(page, { n: '8', maxNewTokens: '24', kvBudgetTokens: '2000' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-run').click()]);
    const path = await download.path();
    await page.getByRole('button', { name: 'Change models' }).click();
    await page.getByLabel('Saved run file').setInputFiles(path);
    await page.getByTestId('recorded-summary').waitFor();
    // A copy with nonsense numbers (the "-3 × 0 = -0" the app once drew) is refused, naming the event and the field.
    const events = (JSON.parse(await readFile(path, 'utf8')) as { events: Record<string, unknown>[] }).events;
    const nonsense = { format: 'aligned-in-the-browser/run', version: 1, events: [{ ...events[0], n: -3, maxNewTokens: 0 }, ...events.slice(1)] };
    await page.getByRole('button', { name: 'Back to the models' }).click();
    await page.getByLabel('Saved run file').setInputFiles({ name: 'nonsense.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(nonsense)) });
    await expect(page.getByTestId('open-run-problem').textContent()).resolves.toMatch(/Event 1 of the run file \(a run-start event of Best-of-N\) has a wrong "n": it must be at least 1, not -3\./);
    const workerViolations = (await Promise.all(page.workers().map((w) => w.evaluate(() => globalThis.__violations ?? []).catch(() => [])))).flat();
    expect({ page: await violations(), workers: workerViolations, console: policyConsole, errors: pageErrors }).toEqual({ page: [], workers: [], console: [], errors: [] });
  });

  it('is watched: an inline script is blocked and seen', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
    });
    await page.waitForFunction(() => (globalThis.__violations ?? []).length >= 2);
    // Once for each copy of the policy, the header's and the meta tag's; and Chromium says so in the console.
    const inline = { directive: 'script-src-elem', blocked: 'inline', where: 'page' };
    expect(await violations()).toEqual([inline, inline]);
    await expect.poll(() => policyConsole.join('\n')).toMatch(/inline script violates the following Content Security Policy directive/);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  });
});
