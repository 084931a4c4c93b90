// The whole app on WASM with the built-in tiny models: start screen, load with progress, bad inputs,
// both methods side by side, a branch's text, Stop, Reset, and the README screenshot.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { laneState, loadModels, recordSnapshots, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';

let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, errors: pageErrors } = await openPage(browser, `${inject('baseUrl')}?device=wasm`));
});

afterAll(async () => {
  await browser?.close();
});

describe('the app on WASM', () => {
  it('explains itself, checks the machine and lists the built-in models with their sizes', async () => {
    await expect(page.locator('.intro').textContent()).resolves.toMatch(/Speculative Rejection/);
    await page.getByTestId('placement').waitFor();
    // Headless Chromium's only adapter is a software one: the page says it will use WASM, and why.
    await expect(page.getByTestId('placement').textContent()).resolves.toMatch(/WASM/);
    await expect(page.getByTestId('capabilities').textContent()).resolves.toMatch(/shader-f16/);
    const options = await page.getByLabel('Built-in generator').locator('option').allTextContents();
    expect(options.join('\n')).toMatch(/Tiny random LLaMA · \d+ KB · random weights/);
    await expect(page.getByTestId('load-plan').textContent()).resolves.toMatch(/KB, served with the app/);
  });

  it('loads with a bar per file, a total that reaches 100%, and a status line through warm-up', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __load: { files: number; totals: string[]; statuses: string[] } };
      w.__load = { files: 0, totals: [], statuses: [] };
      new MutationObserver(() => {
        w.__load.files = Math.max(w.__load.files, document.querySelectorAll('[data-testid=load-file]').length);
        const total = document.querySelector('[data-testid=load-total]')?.textContent;
        const status = document.querySelector('[data-testid=load-status]')?.textContent;
        if (total && w.__load.totals.at(-1) !== total) w.__load.totals.push(total);
        if (status && w.__load.statuses.at(-1) !== status) w.__load.statuses.push(status);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await loadModels(page);
    const seen = await page.evaluate(() => (window as unknown as { __load: { files: number; totals: string[]; statuses: string[] } }).__load);
    expect(seen.files).toBeGreaterThanOrEqual(4); // config, tokenizer files and ONNX weights of two models
    expect(seen.totals.at(-1)).toMatch(/100%/);
    expect(seen.statuses.join(' | ')).toMatch(/Warming up/);
    await expect(page.getByTestId('device-badge').textContent()).resolves.toMatch(/WASM/);
  });

  it('rejects bad settings with a message next to the field and keeps Run disabled', async () => {
    await setSettings(page, { n: '0', alpha: 'lots' });
    const nField = page.locator('.field', { has: page.locator('input[name="n"]') });
    await expect(nField.locator('.field-error').textContent()).resolves.toMatch(/N must be between 1 and/);
    const alphaField = page.locator('.field', { has: page.locator('input[name="alpha"]') });
    await expect(alphaField.locator('.field-error').textContent()).resolves.toMatch(/must be a number/);
    expect(await page.getByTestId('run-button').isDisabled()).toBe(true);
    await setSettings(page, { n: '24', alpha: '0.5' });
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await page.getByTestId('run-button').isDisabled()).toBe(false);
  });

  it('runs both methods: Speculative Rejection cuts branches at decision points while the charts fill', async () => {
    // Fixed early decision points: the tiny random model often ends answers within a few dozen tokens,
    // and a memory-driven first decision could come after every answer had ended.
    await setSettings(page, { n: '64', maxNewTokens: '96', kvBudgetTokens: '4000', seed: '7' });
    await page.getByLabel('At fixed lengths:').check();
    await page.getByLabel('Decision lengths').fill('4, 8, 16');
    const snapshots = await recordSnapshots(page);
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    const seen = await snapshots();
    const sprInFlight = seen.filter((s) => s.method === 'spr' && s.state === 'generating');
    // Branches were cut while others were still being written, and the charts had points before the end.
    expect(sprInFlight.some((s) => s.rejected > 0 && s.alive > 0)).toBe(true);
    expect(seen.some((s) => s.state === 'generating' && s.chartPoints > 0)).toBe(true);
    const spr = page.getByTestId('lane-spr');
    expect(await spr.getByTestId('decision-mark').count()).toBeGreaterThan(0);
    expect(await spr.locator('[data-testid=branch][data-status=rejected]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('lane-bon').locator('.band').count()).toBeGreaterThan(1); // sequential batches
    expect(await page.locator('.branch.winner').count()).toBe(2);
    await expect(page.getByTestId('saved-spr').textContent()).resolves.toMatch(/fewer tokens/);
    expect(Number(await page.getByTestId('chart-kvBytes').getAttribute('data-points'))).toBeGreaterThan(10);
    expect(await page.getByTestId('prefix-scatter').count()).toBeGreaterThan(0);
  });

  it('shows a clicked branch as plain text with its rewards', async () => {
    const branch = page.getByTestId('lane-spr').locator('[data-testid=branch][data-status=rejected]').first();
    await branch.locator('.hit').click({ force: true });
    const details = page.getByTestId('lane-spr').getByTestId('candidate-details');
    await expect(details.textContent()).resolves.toMatch(/cut at a decision point/);
    await expect(details.textContent()).resolves.toMatch(/Partial rewards: decision 1 at \d+ tokens/);
    const text = details.getByTestId('candidate-text');
    expect((await text.textContent())?.length).toBeGreaterThan(0);
    expect(await text.evaluate((e) => e.children.length)).toBe(0); // text, never parsed HTML
  });

  it('takes a screenshot of the finished run (UPDATE_SCREENSHOT=1 writes the README one)', async () => {
    const dir = process.env.UPDATE_SCREENSHOT ? '../docs/' : '../test-results/';
    mkdirSync(fileURLToPath(new URL(dir, import.meta.url)), { recursive: true });
    const path = fileURLToPath(new URL(`${dir}screenshot.png`, import.meta.url));
    await page.getByTestId('lane-spr').scrollIntoViewIfNeeded();
    await page.screenshot({ path, fullPage: true });
  });

  it('gives TreeBoN a lane of its own, its branches continuing their parents', async () => {
    await page.locator('input[name="method-treebon"]').check();
    await page.getByLabel('When the KV budget is full (the paper)').check();
    await setSettings(page, { n: '16', maxNewTokens: '48', kvBudgetTokens: '2000' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    const treebon = page.getByTestId('lane-treebon');
    expect(await laneState(page, 'treebon')).toBe('done');
    expect(await treebon.getByTestId('decision-mark').count()).toBeGreaterThan(0);
    await treebon.getByLabel('Show candidate').selectOption({ index: 20 });
    await expect(treebon.getByTestId('candidate-details').textContent()).resolves.toMatch(/continues #\d+/);
    await page.locator('input[name="method-treebon"]').uncheck();
  });

  it('stops mid-run and keeps what was produced', async () => {
    // The tiny random model often ends its answers early, so ask for many: the run lasts a few seconds.
    await setSettings(page, { n: '128', maxNewTokens: '400', kvBudgetTokens: '80000' });
    await page.getByTestId('run-button').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=lane-bon] [data-testid=lane-status]')?.getAttribute('data-state') === 'generating', undefined, { polling: 'raf' });
    await page.getByTestId('stop-button').click();
    await waitForRunEnd(page);
    expect(await laneState(page, 'bon')).toBe('stopped');
    expect(await page.getByTestId('lane-spr').count()).toBe(0); // the run ended before reaching the next method
    await expect(page.getByTestId('result-bon').textContent()).resolves.toMatch(/stopped/);
    expect(await page.getByTestId('lane-bon').getByTestId('branch').count()).toBe(128);
  });

  it('resets: a fresh worker, the same models loaded again, an empty screen', async () => {
    await page.getByTestId('reset-button').click();
    await page.getByTestId('loaded-summary').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=branch]').length === 0);
    await setSettings(page, { n: '8', maxNewTokens: '24', kvBudgetTokens: '2000' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await laneState(page, 'spr')).toBe('done');
    expect(pageErrors).toEqual([]);
  });
});
