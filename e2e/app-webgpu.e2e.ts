// The same app on WebGPU: headless Chromium's software adapter (SwiftShader, no shader-f16), which is
// slow but computes the same thing, so this checks correctness with a small run.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { laneState, loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';

let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, errors: pageErrors } = await openPage(browser, `${inject('baseUrl')}?device=webgpu`));
});

afterAll(async () => {
  await browser?.close();
});

describe('the app on WebGPU (software adapter)', () => {
  it('reports the adapter and loads the models on it in fp32', async () => {
    await page.getByTestId('placement').waitFor();
    await expect(page.getByTestId('capabilities').textContent()).resolves.toMatch(/WebGPU: available.*software/s);
    await expect(page.getByTestId('capabilities').textContent()).resolves.toMatch(/shader-f16 \(half-precision weights\): no/);
    expect(await page.getByRole('radio', { name: 'WebGPU' }).isChecked()).toBe(true);
    await loadModels(page);
    await expect(page.getByTestId('device-badge').textContent()).resolves.toMatch(/WebGPU · fp32/);
  });

  it('runs all three methods, with a decision point and TreeBoN\'s branching', async () => {
    await setSettings(page, { n: '4', maxNewTokens: '12', kvBudgetTokens: '400', treebonChildren: '2', treebonLayers: '2' });
    await page.getByLabel('At fixed lengths:').check();
    await page.getByLabel('Decision lengths').fill('3');
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page, 170_000);
    expect(await laneState(page, 'bon')).toBe('done');
    expect(await laneState(page, 'spr')).toBe('done');
    expect(await laneState(page, 'treebon')).toBe('done');
    expect(await page.getByTestId('lane-spr').getByTestId('decision-mark').count()).toBe(1);
    for (const tree of await page.locator('.lanes').getByTestId('candidate-tree').all()) expect(await tree.getAttribute('data-winner')).toMatch(/^\d+$/);
    expect(Number(await page.getByTestId('charts').getByTestId('chart-alive').getAttribute('data-points'))).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
