// Loading from other sources and what happens when it fails: every failure ends on screen with what
// to do, never in an endless "loading"; a model folder picked from disk loads with no network.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { laneState, loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';

const modelsDir = fileURLToPath(new URL('../public/models/', import.meta.url));
let browser: Browser;
let page: Page;
let scratch: string;

beforeAll(async () => {
  // The folder first: when the browser fails to launch, the cleanup must not fail on top of it.
  scratch = mkdtempSync(join(tmpdir(), 'aligned-e2e-'));
  browser = await launchChromium();
});

beforeEach(async () => {
  await page?.close();
  ({ page } = await openPage(browser, `${inject('baseUrl')}?device=wasm`));
  await page.getByTestId('source-generator').waitFor();
});

afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function errorShown(p: Page): Promise<{ code: string | null; text: string }> {
  const panel = p.getByTestId('error-panel');
  await panel.waitFor({ timeout: 60_000 });
  return { code: await panel.getAttribute('data-code'), text: (await panel.textContent()) ?? '' };
}

describe('loading from the hub and from folders', () => {
  it('explains a malformed hub id before loading', async () => {
    const generator = page.getByTestId('source-generator');
    await generator.getByLabel('Hugging Face hub').check();
    await generator.getByLabel('Hub id of the generator').fill('just words');
    await expect(generator.locator('.field-error').textContent()).resolves.toMatch(/not a hub id/);
    await page.getByTestId('load-button').click();
    const { code, text } = await errorShown(page);
    expect(code).toBe('invalid-config');
    expect(text).toMatch(/owner\/name/);
  });

  it('reports a hub model it cannot fetch (no network here) with a hint, and lets you try again', async () => {
    const generator = page.getByTestId('source-generator');
    await generator.getByLabel('Hugging Face hub').check();
    await generator.getByLabel('Hub id of the generator').fill('nobody-here/no-such-model');
    // The size lookup cannot reach the hub (or the hub has no such model): said, not left spinning.
    await page.waitForFunction(() => /Size unknown/.test(document.querySelector('[data-testid=hub-size]')?.textContent ?? ''));
    await page.getByTestId('load-button').click();
    const { code, text } = await errorShown(page);
    expect(['download-failed', 'model-not-found']).toContain(code);
    expect(text).toMatch(/What to do:/);
    expect(await page.getByTestId('load-button').isEnabled()).toBe(true);
  });

  it('says a picked folder without ONNX weights is not an ONNX export', async () => {
    const folder = join(scratch, 'no-onnx');
    cpSync(join(modelsDir, 'tiny-random-llama'), folder, { recursive: true });
    rmSync(join(folder, 'onnx'), { recursive: true });
    const generator = page.getByTestId('source-generator');
    await generator.getByLabel('A folder on this computer (offline)').check();
    await generator.getByLabel('Folder of the generator').setInputFiles(folder);
    await expect(generator.locator('.field-error').textContent()).resolves.toMatch(/no \.onnx file/);
    await page.getByTestId('load-button').click();
    const { code, text } = await errorShown(page);
    expect(code).toBe('not-onnx');
    expect(text).toMatch(/ONNX/);
  });

  it('loads a model folder picked from disk and runs it', async () => {
    const generator = page.getByTestId('source-generator');
    await generator.getByLabel('A folder on this computer (offline)').check();
    await generator.getByLabel('Folder of the generator').setInputFiles(join(modelsDir, 'tiny-random-llama'));
    await expect(generator.locator('.note').first().textContent()).resolves.toMatch(/tiny-random-llama: \d+ files/);
    await page.getByRole('radio', { name: /Implicit DPO reward/ }).check();
    const reference = page.getByTestId('source-scorer-1');
    await reference.getByLabel('Built-in (served with this app, no download)').check();
    await reference.getByLabel('Built-in reference model').selectOption('tiny-random-llama-ref');
    await loadModels(page);
    await expect(page.getByTestId('loaded-summary').textContent()).resolves.toMatch(/tiny-random-llama.*implicit DPO reward/);
    // A generator that is not the built-in one keeps the chat examples.
    expect(await page.getByTestId('example-prompts').locator('button').allTextContents()).toContain('Kind reply');
    expect(await page.getByTestId('task-line').count()).toBe(0);
    await setSettings(page, { n: '8', maxNewTokens: '16', kvBudgetTokens: '1000' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await laneState(page, 'spr')).toBe('done');
    // The implicit DPO reward is TreeBoN's own partial score, and its lane says so.
    await expect(page.getByTestId('treebon-implicit').textContent()).resolves.toMatch(/implicit DPO reward.*TreeBoN's\s+default partial score/s);
  });

  it('loads hub models from the browser\'s cache with no network, as after a first download', async () => {
    // What transformers.js stores after a download: each file under its hub URL in Cache Storage. The
    // tiny models stand in for hub ones (this machine reaches no hub); they ship fp32 only, so the q8
    // file WASM prefers is probed first and fails offline, and the cached fp32 one must still be found.
    await page.evaluate(async () => {
      const index = (await (await fetch('/models/index.json')).json()) as { models: { id: string; files: string[] }[] };
      const cache = await caches.open('transformers-cache');
      for (const [hubId, folder] of [['cached-test/tiny-llama', 'tiny-random-llama'], ['cached-test/tiny-reward', 'tiny-random-reward']] as const) {
        for (const file of index.models.find((m) => m.id === folder)!.files) {
          const body = await (await fetch(`/models/${folder}/${file}`)).blob();
          const headers = { 'content-type': body.type || 'application/octet-stream', 'content-length': String(body.size) };
          await cache.put(`https://huggingface.co/${hubId}/resolve/main/${file}`, new Response(body, { headers }));
        }
      }
    });
    const generator = page.getByTestId('source-generator');
    await generator.getByLabel('Hugging Face hub').check();
    await generator.getByLabel('Hub id of the generator').fill('cached-test/tiny-llama');
    await expect(generator.getByTestId('hub-cached').textContent()).resolves.toMatch(/In this browser: .*fp32 weights.*loads offline/);
    const scorer = page.getByTestId('source-scorer-1');
    await scorer.getByLabel('Hugging Face hub').check();
    await scorer.getByRole('textbox').fill('cached-test/tiny-reward');
    await loadModels(page);
    await expect(page.getByTestId('loaded-summary').textContent()).resolves.toMatch(/cached-test\/tiny-llama.*cached-test\/tiny-reward/s);
    await setSettings(page, { n: '4', maxNewTokens: '8', kvBudgetTokens: '2000' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await laneState(page, 'bon')).toBe('done');
    // Removing it from the browser: the files are gone, and a download would be needed again.
    await page.getByRole('button', { name: 'Change models' }).click();
    const sourceGenerator = page.getByTestId('source-generator');
    await sourceGenerator.getByRole('button', { name: 'Remove from this browser' }).click();
    await sourceGenerator.getByTestId('hub-size').waitFor();
    expect(await sourceGenerator.getByTestId('hub-cached').count()).toBe(0);
    const left = await page.evaluate(async () => (await (await caches.open('transformers-cache')).keys()).map((r) => r.url));
    expect(left.some((url) => url.includes('cached-test/tiny-llama'))).toBe(false);
    expect(left.some((url) => url.includes('cached-test/tiny-reward'))).toBe(true);
  });
});
