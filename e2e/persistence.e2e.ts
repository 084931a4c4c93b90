// What survives a reload: finished runs (Recent runs: open without models, delete), the settings, and a
// run cut short by the reload itself; and a browser that cannot keep them (storage full, no IndexedDB)
// says so while running goes on. One browser context is one browser's storage across its reloads.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { laneState, loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium } from './browser.ts';
import { storedForm, storedRuns, waitForStored } from './stored-in-page.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A page in a fresh context (a browser with nothing kept), recording uncaught errors; `init` runs before the app. */
async function open(init?: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}?device=wasm`);
  await page.getByTestId('load-button').waitFor();
  return { page, errors };
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.getByTestId('load-button').waitFor();
}

/** A quick run of all three methods on the built-in models. */
const SMALL_RUN = { n: '6', maxNewTokens: '16', kvBudgetTokens: '64' };

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await waitForRunEnd(page);
}

/** Loads the models and runs `prompt` quickly, until the page says the run is kept in the browser. */
async function keptRun(page: Page, prompt: string): Promise<void> {
  await loadModels(page);
  await page.locator('textarea[name="prompt"]').fill(prompt);
  await setSettings(page, SMALL_RUN);
  await runToEnd(page);
  await page.locator('[data-testid=run-kept][data-state=kept]').waitFor();
}

const recentRows = (page: Page) => page.getByRole('region', { name: 'Recent runs' }).getByTestId('recent-run');
const tableText = (page: Page) => page.getByTestId('result-table').innerText();

/** Clicks `button` and returns the events of the run file it downloads. */
async function downloadedEvents(page: Page, button: ReturnType<Page['getByRole']>): Promise<unknown[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return (JSON.parse(await readFile(await download.path(), 'utf8')) as { events: unknown[] }).events;
}

describe('what survives a reload', () => {
  it('a finished run: after a reload Recent runs lists it, and Open shows the same results without models', async () => {
    const { page, errors } = await open();
    await expect(page.getByTestId('no-recent-runs').textContent()).resolves.toMatch(/None yet/);
    await keptRun(page, 'the garden in spring');
    const table = await tableText(page);
    const events = await downloadedEvents(page, page.getByRole('button', { name: 'Save this run (JSON)' }));
    await reload(page);
    const row = recentRows(page);
    await row.waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toMatch(/the garden in spring/);
    expect(text).toMatch(/Best-of-N .*Speculative Rejection .*TreeBoN/s);
    expect(await row.getAttribute('data-ending')).toBe('done');
    // Save as file gives the run file the live run saved.
    expect(await downloadedEvents(page, row.getByRole('button', { name: 'Save as file' }))).toEqual(events);
    await row.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('recorded-summary').textContent()).resolves.toMatch(/"the garden in spring" \(recent run\).*no model\s+loaded/s);
    expect(await tableText(page)).toBe(table);
    expect(errors).toEqual([]);
  });

  it('Delete removes a kept run, and it stays removed after a reload', async () => {
    const { page, errors } = await open();
    await keptRun(page, 'the old house');
    await page.getByRole('button', { name: 'Change models' }).click();
    await recentRows(page).waitFor();
    await recentRows(page).getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('no-recent-runs').waitFor();
    await reload(page);
    await page.getByTestId('no-recent-runs').waitFor();
    expect(await recentRows(page).count()).toBe(0);
    expect(await storedRuns(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the settings: N, the prompt, α and Speculative Rejection\'s start come back after a reload', async () => {
    const { page, errors } = await open();
    await loadModels(page);
    await page.locator('textarea[name="prompt"]').fill('a letter from home');
    await setSettings(page, { n: '5', alpha: '0.3' });
    await page.locator('input[name="spr-start"][value="memory"]').check();
    await waitForStored(() => storedForm(page), (form) => form?.n === '5' && form.alpha === '0.3' && form.sprStart === 'memory' && form.prompt === 'a letter from home');
    await reload(page);
    await loadModels(page);
    expect(await page.locator('input[name="n"]').inputValue()).toBe('5');
    expect(await page.locator('input[name="alpha"]').inputValue()).toBe('0.3');
    expect(await page.locator('textarea[name="prompt"]').inputValue()).toBe('a letter from home');
    expect(await page.locator('input[name="spr-start"][value="memory"]').isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a reload mid-run keeps what the run produced, listed "stopped by reload", and it opens', async () => {
    const { page, errors } = await open();
    await loadModels(page);
    for (const m of ['spr', 'treebon']) await page.locator(`input[name="method-${m}"]`).uncheck();
    // Greedy answers of this prompt run to the full length: seconds of work, so the reload lands mid-run.
    await page.locator('textarea[name="prompt"]').fill('the weather today');
    await setSettings(page, { n: '8', maxNewTokens: '1500', kvBudgetTokens: '20000', temperature: '0' });
    await page.getByTestId('run-button').click();
    // Reload once the page has written part of the run (it writes every 2 s).
    await waitForStored(() => storedRuns(page), (runs) => runs.some((r) => r.ending === 'running' && r.chunks > 0));
    await reload(page);
    // Listed at once as it was written; closed as stopped once the new page has found it left mid-run.
    const row = page.locator('[data-testid=recent-run][data-ending=reload]');
    await row.waitFor();
    await expect(row.getByTestId('recent-ending').textContent()).resolves.toBe('stopped by reload');
    await row.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('recorded-summary').textContent()).resolves.toMatch(/stopped by reload/);
    expect(await laneState(page, 'bon')).toBe('stopped');
    await expect(page.getByTestId('result-bon').locator('th').textContent()).resolves.toMatch(/Best-of-N \(stopped\)/);
    expect(errors).toEqual([]);
  });
});

describe('a browser that cannot keep runs', () => {
  it('storage full: the run still completes, and the message says so where the user is looking', async () => {
    // Every write of a run's log fails as a full disk makes it fail.
    const { page, errors } = await open(`{
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (this.name === 'logs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    }`);
    await loadModels(page);
    await setSettings(page, SMALL_RUN);
    await runToEnd(page);
    for (const m of ['bon', 'spr', 'treebon']) expect(await laneState(page, m)).toBe('done');
    const notice = page.getByTestId('storage-problem');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('full');
    expect(await notice.getAttribute('role')).toBe('alert');
    await expect(notice.textContent()).resolves.toMatch(/storage for this app is full, so this run was not kept.*Delete runs/s);
    // In view wherever the page is scrolled: pinned to the bottom of the window.
    await page.mouse.wheel(0, 3000);
    const box = await notice.boundingBox();
    expect(box && box.y + box.height <= 900 && box.y >= 0).toBe(true);
    await expect(page.locator('[data-testid=run-kept]').getAttribute('data-state')).resolves.toBe('not-kept');
    // The next run runs as well.
    await runToEnd(page);
    expect(errors).toEqual([]);
  });

  it('no IndexedDB (private mode): said on the start screen, and models load and run', async () => {
    const { page, errors } = await open(`Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });`);
    const notice = page.getByTestId('storage-problem');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('unavailable');
    await page.getByTestId('recent-runs-unavailable').waitFor();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await loadModels(page);
    await setSettings(page, SMALL_RUN);
    await runToEnd(page);
    await expect(page.getByTestId('run-kept').textContent()).resolves.toMatch(/keeps no runs/);
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
