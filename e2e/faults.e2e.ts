// Nothing lost, nothing stuck: the app under faults and bad inputs, each test on a fresh page of a
// laptop-sized window (so the start screen and the workspace are taller than the view).
// - the network goes away and the engine has to restart: it backs off, stops, says so, and retries;
// - the worker ends without a word mid-run: a clear error within seconds, never "Running…" forever;
// - runs cannot overlap or leave ghosts; a refused run keeps what was on screen;
// - errors appear next to the action that failed, in view, announced (role=alert).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { laneState, loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium } from './browser.ts';
import { clickAfterBusyPage, clickRunTwiceInOneTask, isInViewport, pastePromptAndRun, runUntilLaneState } from './page-actions.ts';

const modelsDir = fileURLToPath(new URL('../public/models/', import.meta.url));
let browser: Browser;
let context: BrowserContext | undefined;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'aligned-faults-'));
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh page (its own context, so it can go offline) in a 1280 x 720 window, recording uncaught errors. */
async function open(): Promise<{ page: Page; errors: string[] }> {
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}?device=wasm`);
  await page.getByTestId('load-button').waitFor();
  return { page, errors };
}

/** The error panel that says `pattern`, once shown; where it sits is checked by the caller. */
async function shownError(page: Page, pattern: RegExp, timeout = 30_000) {
  const panel = page.getByTestId('error-panel').filter({ hasText: pattern });
  await panel.waitFor({ timeout });
  return panel;
}

/** Greedy answers of the built-in model run to the full length: seconds of work for the worker, and
 * little drawing for the page (8 rows), so the page keeps up with it. */
const LONG_LIGHT_RUN = { n: '8', maxNewTokens: '1500', kvBudgetTokens: '20000', temperature: '0' };

const workerLocator = (page: Page) => page.workers().find((w) => /engine/.test(w.url()));

describe('faults', () => {
  it('offline, Reset backs off and stops with "offline: the engine could not be loaded" and a Retry, instead of restarting the worker forever', async () => {
    const { page, errors } = await open();
    await loadModels(page);
    const workerFetches: string[] = [];
    page.on('request', (request) => {
      if (/engine\.worker/.test(request.url())) workerFetches.push(request.url());
    });
    await context!.setOffline(true);
    await page.getByTestId('reset-button').click();
    const panel = await shownError(page, /offline: the engine could not be loaded/i);
    expect(await panel.getAttribute('data-context')).toBe('engine');
    // Five tries (at once, then after 0.5, 1 and 2 s), not thousands.
    expect(workerFetches.length).toBeGreaterThanOrEqual(2);
    expect(workerFetches.length).toBeLessThanOrEqual(5);
    const tries = workerFetches.length;
    // Next to Load, in view, announced.
    expect(await page.getByRole('region', { name: 'Load' }).getByTestId('error-panel').count()).toBe(1);
    expect(await panel.getAttribute('role')).toBe('alert');
    expect(await isInViewport(panel)).toBe(true);
    expect(await page.getByTestId('load-button').textContent()).toBe('Load models');
    // Back online, Retry brings the engine back: one more fetch, and the models load.
    await context!.setOffline(false);
    await panel.getByRole('button', { name: 'Retry' }).click();
    await loadModels(page);
    expect(workerFetches).toHaveLength(tries + 1);
    expect(errors).toEqual([]);
  });

  it('a worker that ends without a word mid-run becomes a clear error within seconds, not "Running…" forever', async () => {
    const { page } = await open();
    await loadModels(page);
    for (const m of ['spr', 'treebon']) await page.locator(`input[name="method-${m}"]`).uncheck();
    await setSettings(page, LONG_LIGHT_RUN);
    await runUntilLaneState(page, 'bon', 'generating');
    // What a tab-level out-of-memory kill or a self.close() looks like from the page: the worker is gone, no error event.
    const worker = workerLocator(page);
    expect(worker).toBeDefined();
    await worker!.evaluate(() => self.close()).catch(() => undefined);
    const panel = await shownError(page, /stopped without an error/, 10_000);
    // The models went with the worker: back at the choice, the error next to Load and in view.
    expect(await page.getByRole('region', { name: 'Load' }).getByTestId('error-panel').count()).toBe(1);
    expect(await isInViewport(panel)).toBe(true);
    expect(await page.getByTestId('run-status').count()).toBe(0);
    // A fresh worker serves the next load.
    await loadModels(page);
    expect(await page.locator('[data-testid^=lane-]').count()).toBe(0);
  });

  it('two Run clicks in one task start one run: Stop stays enabled through it and the saved run holds one run', async () => {
    const { page } = await open();
    await loadModels(page);
    await setSettings(page, { ...LONG_LIGHT_RUN, maxNewTokens: '300' });
    await page.evaluate(() => {
      // Records, on every change until the run ends, whether Run and Stop were enabled while a lane was generating.
      const w = window as unknown as { __controls: unknown[] };
      w.__controls = [];
      new MutationObserver(() => {
        w.__controls.push({
          run: !document.querySelector<HTMLButtonElement>('[data-testid=run-button]')?.disabled,
          stop: !document.querySelector<HTMLButtonElement>('[data-testid=stop-button]')?.disabled,
          lanes: [...document.querySelectorAll('[data-testid=lane-status]')].map((e) => e.getAttribute('data-state')),
        });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await clickRunTwiceInOneTask(page);
    await waitForRunEnd(page);
    const states = await page.evaluate(() => (window as unknown as { __controls: { run: boolean; stop: boolean; lanes: (string | null)[] }[] }).__controls);
    const generating = states.filter((s) => s.lanes.includes('generating'));
    expect(generating.length).toBeGreaterThan(0);
    expect(generating.filter((s) => s.run || !s.stop)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-run').click()]);
    const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { events: { type: string; method: string }[] };
    const starts = saved.events.filter((e) => e.type === 'run-start').map((e) => e.method);
    expect(starts).toEqual(['bon', 'spr', 'treebon']);
  });

  it('Change models mid-run leaves no ghost lane after the next load', async () => {
    const { page } = await open();
    await loadModels(page);
    for (const m of ['bon', 'spr']) await page.locator(`input[name="method-${m}"]`).uncheck();
    await setSettings(page, LONG_LIGHT_RUN);
    await runUntilLaneState(page, 'treebon', 'generating');
    // A page busy drawing when the user clicks: the run's events queue up meanwhile and arrive after the click.
    await clickAfterBusyPage(page, 'Change models', 600);
    await loadModels(page);
    expect(await page.locator('[data-testid^=lane-]').count()).toBe(0);
    expect(await page.getByTestId('run-status').textContent()).toBe('');
    // And the next run is the only one on screen.
    await setSettings(page, { n: '4', maxNewTokens: '8', kvBudgetTokens: '2000', temperature: '1' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await laneState(page, 'treebon')).toBe('done');
    expect(await page.locator('[data-testid=lane-status]').count()).toBe(1);
  });

  it('a run the engine refuses (a pasted prompt run before its token count arrives) keeps the finished results and says why next to Run; the prompt, not the budget, is blamed', async () => {
    const { page } = await open();
    await loadModels(page);
    await setSettings(page, { n: '8', maxNewTokens: '16', kvBudgetTokens: '2000' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    const results = await page.getByTestId('result-table').locator('tbody').textContent();
    await pastePromptAndRun(page, 'the weather is nice and '.repeat(1000));
    const panel = await shownError(page, /The prompt is \d+ tokens, but the model reads at most 2048.*shorten the prompt/);
    expect(await page.getByRole('region', { name: 'Run settings' }).getByTestId('error-panel').count()).toBe(1);
    expect(await isInViewport(panel)).toBe(true);
    expect(await page.getByTestId('result-table').locator('tbody').textContent()).toBe(results);
    expect(await laneState(page, 'spr')).toBe('done');
    // Once the count is in, the form says the same next to the prompt and nothing about the budget or "at most 0".
    const promptError = page.locator('.field-error', { hasText: /shorten the prompt/ });
    await promptError.waitFor();
    expect(await page.locator('.field-error').allTextContents()).toHaveLength(1);
    expect(await page.getByTestId('run-button').isDisabled()).toBe(true);
  });

  it('counts typed as 1e3 or 0x10 are refused next to the field', async () => {
    const { page } = await open();
    await loadModels(page);
    const nField = page.locator('.field', { has: page.locator('input[name="n"]') });
    for (const n of ['1e3', '0x10']) {
      await setSettings(page, { n });
      await expect(nField.locator('.field-error').textContent()).resolves.toBe(`N must be a whole number written in digits, like 16, not "${n}".`);
      expect(await page.getByTestId('run-button').isDisabled()).toBe(true);
    }
    await setSettings(page, { n: '16' });
    expect(await page.getByTestId('run-button').isDisabled()).toBe(false);
  });

  it('a failed hub load shows why next to Load, in view, and the load panel says it failed instead of "Fetching… 0 B"', async () => {
    const { page } = await open();
    const generator = page.getByTestId('source-generator');
    await generator.getByLabel('Hugging Face hub').check();
    await generator.getByLabel('Hub id of the generator').fill('nobody-here/no-such-model');
    await page.getByTestId('load-button').click();
    const panel = await shownError(page, /.+/, 60_000);
    expect(await page.getByRole('region', { name: 'Load' }).getByTestId('error-panel').count()).toBe(1);
    expect(await isInViewport(panel)).toBe(true);
    expect(await page.getByTestId('load-status').textContent()).toMatch(/Load failed/);
    expect(await page.getByTestId('load-progress').getAttribute('data-state')).toBe('failed');
    expect(await page.getByTestId('load-button').isEnabled()).toBe(true);
  });

  it('a picked folder with damaged model files blames the files, not a bug', async () => {
    const folder = join(scratch, 'damaged-model');
    cpSync(join(modelsDir, 'tiny-random-llama'), folder, { recursive: true });
    writeFileSync(join(folder, 'onnx', 'model.onnx'), 'these bytes are not an ONNX model');
    const { page } = await open();
    const generator = page.getByTestId('source-generator');
    await generator.getByLabel('A folder on this computer (offline)').check();
    await generator.getByLabel('Folder of the generator').setInputFiles(folder);
    await page.getByTestId('load-button').click();
    const panel = await shownError(page, /damaged-model could not be read as a model/, 60_000);
    expect(await panel.getAttribute('data-code')).toBe('unsupported-model');
    expect(await panel.textContent()).not.toMatch(/bug/i);
    expect(await isInViewport(panel)).toBe(true);
  });
});
