// The same app on WebGPU: headless Chromium's software adapter (SwiftShader, no shader-f16), which is
// slow but computes the same thing, so this checks correctness with a small run, and the numerical
// check against WASM: agreement here, and the warning when a test-only shift makes WebGPU's numbers wrong.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { laneState, loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';

/**
 * Clicks Load, then the check's Skip button in the same task as it appears (watched on every DOM change):
 * the worker gets the skip while it is still loading the WASM copy.
 */
function loadAndSkipTheCheck(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the check never showed Skip')), 120_000);
        const observer = new MutationObserver(() => {
          const skip = document.querySelector<HTMLButtonElement>('[data-testid=skip-check]');
          if (!skip) return;
          observer.disconnect();
          clearTimeout(timer);
          skip.click();
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true });
        document.querySelector<HTMLButtonElement>('[data-testid=load-button]')?.click();
      }),
  );
}

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
    await expect(page.getByTestId('numeric-check-plan').textContent()).resolves.toMatch(/checks its numbers against WASM/);
    await loadModels(page);
    await expect(page.getByTestId('device-badge').textContent()).resolves.toMatch(/WebGPU · fp32/);
  });

  it('checked its numbers against WASM: SwiftShader agrees, within a small difference', async () => {
    const note = page.getByTestId('numeric-check');
    expect(await note.getAttribute('data-agrees')).toBe('true');
    const text = (await note.textContent()) ?? '';
    expect(text).toMatch(/^numbers checked against WASM: max difference \S+ \(tolerance 0\.002 for fp32\)$/);
    expect(Number(/max difference (\S+)/.exec(text)?.[1])).toBeLessThan(0.002);
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
    await expect.poll(async () => Number(await page.getByTestId('charts').getByTestId('chart-alive').getAttribute('data-points'))).toBeGreaterThan(0);
    // The saved run records the check in each method's run-start.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-run').click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as { events: { type: string; numericCheck?: { agrees: boolean; dtype: string } }[] };
    const starts = file.events.filter((e) => e.type === 'run-start');
    expect(starts.map((e) => e.numericCheck && { agrees: e.numericCheck.agrees, dtype: e.numericCheck.dtype })).toEqual(starts.map(() => ({ agrees: true, dtype: 'fp32' })));
    expect(pageErrors).toEqual([]);
  });

  it('warns, with the advice to switch to WASM, when WebGPU\'s numbers differ (a test-only shift of them)', async () => {
    const fresh = page.waitForEvent('worker', { predicate: (w) => w.url().includes('engine.worker') });
    await page.getByRole('button', { name: 'Change models' }).click();
    // The check reads this when it runs, in the engine worker that Change models started.
    await (await fresh).evaluate(() => {
      (self as { testOnlyPerturbWebGpuNumbers?: number }).testOnlyPerturbWebGpuNumbers = 1;
    });
    await loadModels(page);
    const note = page.getByTestId('numeric-check');
    expect(await note.getAttribute('data-agrees')).toBe('false');
    await expect(note.textContent()).resolves.toMatch(/^Warning: WebGPU's numbers differ from WASM's \(max difference [\d.]+; fp32 allows 0\.002\).*Switch to WASM/);
    expect(pageErrors).toEqual([]);
  });

  it('skips the check on request: the models load, the check is said not done', async () => {
    await page.getByRole('button', { name: 'Change models' }).click();
    await loadAndSkipTheCheck(page);
    await page.getByTestId('loaded-summary').waitFor({ timeout: 120_000 });
    const note = page.getByTestId('numeric-check');
    expect(await note.getAttribute('data-agrees')).toBe('unknown');
    await expect(note.textContent()).resolves.toBe('numbers not checked against WASM: skipped on request');
    expect(pageErrors).toEqual([]);
  });
});
