// The paper's two comparisons in the app (WASM, built-in models): same N (does Speculative Rejection
// save compute?) and same memory (what does the same KV budget buy?); the reward-versus-compute
// picture after each run; the α replay exact at the run's own α, reward-model tokens included.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadModels, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';

let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, errors: pageErrors } = await openPage(browser, `${inject('baseUrl')}?device=wasm`));
  await loadModels(page);
});

afterAll(async () => {
  await browser?.close();
});

const cell = (method: string, column: number) => page.getByTestId(`result-${method}`).locator('td').nth(column).textContent();
/** The winner's details say it ended (by itself or at max length): never a cut-off answer. */
async function expectWinnerComplete(method: string): Promise<void> {
  const lane = page.getByTestId(`lane-${method}`);
  const winner = await lane.getByTestId('candidate-tree').getAttribute('data-winner');
  expect(winner).toMatch(/^\d+$/);
  await lane.getByLabel('Show candidate').fill(winner!);
  await expect(lane.getByTestId('candidate-details').textContent()).resolves.toMatch(/finished \((ended itself|hit max length)\)/);
}

const started = async (method: string) => Number((await page.getByTestId(`lane-${method}`).getByTestId('lane-status').textContent())?.match(/alive of (\d+)/)?.[1]);

describe('same N and same memory', () => {
  it('at the same N, decides when the budget is full, replays its own α exactly and draws reward against compute', async () => {
    await setSettings(page, { n: '32', maxNewTokens: '48', kvBudgetTokens: '400', alpha: '0.5', seed: '3' });
    await expect(page.getByTestId('spr-start-hint').textContent()).resolves.toMatch(/Speculative Rejection starts 32, Best-of-N's N\..*first decides at ~\d+ tokens/);
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await started('spr')).toBe(32);
    // The answer of every method is a complete response: the winner's branch ended.
    for (const method of ['bon', 'spr', 'treebon']) await expectWinnerComplete(method);
    const thisRun = page.getByTestId('replay').locator('tr.this-run');
    expect(await thisRun.getAttribute('data-alpha')).toBe('0.5');
    expect(await thisRun.getByTestId('replay-reward').textContent()).toBe(await cell('spr', 0));
    expect(await thisRun.getByTestId('replay-tokens').textContent()).toBe(await cell('spr', 1));
    expect(await thisRun.getByTestId('replay-reward-tokens').textContent()).toBe(await cell('spr', 3));
    expect(await page.getByTestId('replay').textContent()).not.toMatch(/≈/);
    await expect(page.getByTestId('reward-cost-note').textContent()).resolves.toMatch(/re-reads every live candidate's whole prefix/);
    const compute = page.getByTestId('compute-panel');
    // Best-of-N at N = 1, 2, 4, 8, 16, 32; ten values of α; the three runs.
    // Charts draw at their turn in the redraw queue (a frame or so after they appear).
    await expect.poll(async () => Number(await compute.getByTestId('chart-compute').getAttribute('data-points'))).toBe(6 + 10 + 3);
    await expect(compute.getByTestId('catch-up').locator('li[data-method=spr]').textContent())
      .resolves.toMatch(/Speculative Rejection reached the reward Best-of-N gets at N = \d+|Best-of-N reaches Speculative Rejection's reward .* at N = \d+|more than Best-of-N found with N = 32/);
    await expect(compute.textContent()).resolves.toMatch(/FLOPs ≈ 2 × parameters × tokens.*generator \d+K/);
    await compute.getByLabel('tokens decoded').check();
    await expect(compute.getByTestId('catch-up').textContent()).resolves.toMatch(/tokens decoded/);
  });

  it('at the same memory, starts as many as the budget holds for a first round and says what Best-of-N needs to match it', async () => {
    await page.getByTestId('spr-start').getByLabel(/Same memory/).check();
    await page.getByLabel('Most candidates Speculative Rejection starts').fill('500');
    const hint = (await page.getByTestId('spr-start-hint').textContent()) ?? '';
    const expected = Number(hint.match(/starts (\d+)/)?.[1]);
    expect(hint).toMatch(/as many as get a first round of 8 tokens inside the budget/);
    expect(expected).toBeGreaterThan(32);
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await started('spr')).toBe(expected);
    expect(await started('bon')).toBe(32);
    await expectWinnerComplete('spr');
    // The replay is Best-of-N's N: a what-if beside this run, never "this run".
    await expect(page.getByTestId('replay').textContent()).resolves.toMatch(/started Speculative Rejection from the same memory/);
    expect(await page.getByTestId('replay').locator('tr.this-run').count()).toBe(0);
    const compute = page.getByTestId('compute-panel');
    await expect(compute.textContent()).resolves.toMatch(new RegExp(`Speculative Rejection \\(run, ${expected} started\\)`));
    await expect(compute.getByTestId('catch-up').locator('li[data-method=spr]').textContent()).resolves.toMatch(/N = \d+/);
    expect(pageErrors).toEqual([]);
  });
});
