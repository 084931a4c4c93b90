// Several reward models at once: two built-in scorers combined by MaxMin, loaded with progress for
// each, and a candidate's details showing both raw scores and which one was the lowest.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { laneState, loadModels, pointAtBranch, setSettings, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';

let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, errors: pageErrors } = await openPage(browser, `${inject('baseUrl')}?device=wasm`));
  await page.getByTestId('source-generator').waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe('two scorers combined by MaxMin', () => {
  it('adds a second scorer, picks how they combine, and loads both', async () => {
    await page.getByTestId('add-scorer').click();
    expect(await page.getByLabel('Built-in reward model (scorer 2)').inputValue()).toBe('tiny-random-reward');
    await expect(page.getByTestId('combine').textContent()).resolves.toMatch(/How the 2 scorers combine/);
    await page.getByTestId('combine').getByLabel(/^rank/).check();
    await page.getByTestId('combine').getByLabel(/^z-score/).check();
    expect(await page.getByTestId('combine').getByLabel(/^MaxMin/).isChecked()).toBe(true);
    await expect(page.getByTestId('load-plan').textContent()).resolves.toMatch(/Scorer 1: .*AFINN.*Scorer 2: .*Tiny random reward/s);
    await loadModels(page);
    await expect(page.getByTestId('loaded-summary').textContent()).resolves.toMatch(/AFINN positivity \(built in\) and Tiny random reward model/);
    // The run panel offers the same choice again (it is a run setting: no reload needed).
    expect(await page.getByTestId('combine').getByLabel(/^MaxMin/).isChecked()).toBe(true);
  });

  it('shows both raw scores of a candidate and names the lowest', async () => {
    await setSettings(page, { n: '12', maxNewTokens: '24', kvBudgetTokens: '2000' });
    await page.getByLabel('At fixed lengths:').check();
    await page.getByLabel('Decision lengths').fill('6, 12');
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await laneState(page, 'spr')).toBe('done');
    const spr = page.getByTestId('lane-spr');
    const point = await pointAtBranch(page, spr, 'rejected');
    expect(point).not.toBeNull();
    // The branch's hover text carries both scores and the lowest too.
    const tooltip = await spr.getByTestId('branch-tooltip').textContent();
    expect(tooltip).toMatch(/AFINN positivity \(built in\) [+-]?\d.*Tiny random reward model [+-]?\d.*lowest: /s);
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    const rows = spr.getByTestId('scorer-row');
    expect(await rows.count()).toBe(2);
    const texts = await rows.allTextContents();
    expect(texts[0]).toMatch(/^AFINN positivity \(built in\)[+-]?\d+\.\d\d[+-]?\d+\.\d\d/);
    expect(texts[1]).toMatch(/^Tiny random reward model[+-]?\d+\.\d\d[+-]?\d+\.\d\d/);
    expect(texts.filter((t) => t.endsWith('lowest'))).toHaveLength(1);
    const lowest = texts.find((t) => t.endsWith('lowest'))?.startsWith('AFINN') ? 'AFINN positivity (built in)' : 'Tiny random reward model';
    await expect(spr.getByTestId('weakest-scorer').textContent()).resolves.toContain(`Lowest after normalisation: ${lowest}. Under MaxMin`);
    // TreeBoN's lane says what prunes it: the loaded scorers, combined.
    await expect(page.getByTestId('lane-treebon').getByTestId('treebon-note').textContent()).resolves.toMatch(/loaded scorers, combined/);
    expect(pageErrors).toEqual([]);
  });
});

describe('the built-in tuned pair', () => {
  it('is one click away, loads the tuned generator and its base offline, and prunes TreeBoN by their implicit reward', async () => {
    await page.getByRole('button', { name: 'Change models' }).click();
    await page.getByRole('button', { name: 'Use the built-in tuned pair' }).click();
    await expect(page.getByTestId('load-plan').textContent()).resolves.toMatch(/tuned positive.*implicit DPO reward.*Brown corpus word model \(built in\)/is);
    await loadModels(page);
    await expect(page.getByTestId('loaded-summary').textContent()).resolves.toMatch(/tuned positive/);
    await setSettings(page, { n: '8', maxNewTokens: '24', kvBudgetTokens: '2000' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await laneState(page, 'treebon')).toBe('done');
    await expect(page.getByTestId('treebon-implicit').textContent()).resolves.toMatch(/implicit DPO reward/);
    // The implicit reward streams beside the generator: decisions re-read nothing.
    await expect(page.getByTestId('reward-cost-note').textContent()).resolves.toMatch(/streamed: its reference model read each new token once/);
    expect(pageErrors).toEqual([]);
  });
});

