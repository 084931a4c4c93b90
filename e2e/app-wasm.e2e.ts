// The whole app on WASM with the built-in models: start screen, load with progress, the built-in task's
// prompts, bad inputs, all three methods side by side, a branch's text, TreeBoN with UCB, Stop, Reset,
// and the README screenshot.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { laneState, loadModels, pointAtBranch, recordSnapshots, setSettings, treeCount, waitForRunEnd } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';
import { runThenStopAtOnce } from './page-actions.ts';

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
    await expect(page.locator('.intro').textContent()).resolves.toMatch(/Speculative Rejection.*TreeBoN/s);
    // What the built-in models are not, and the real chat model one click away.
    await expect(page.getByTestId('builtin-honesty').textContent()).resolves.toMatch(/do not chat.*SmolLM2-135M-Instruct/s);
    await expect(page.getByTestId('quick-choice').textContent()).resolves.toMatch(/Use SmolLM2-135M-Instruct/);
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
      const w = window as unknown as { __load: { files: number; models: number; totals: string[]; statuses: string[] } };
      w.__load = { files: 0, models: 0, totals: [], statuses: [] };
      new MutationObserver(() => {
        w.__load.files = Math.max(w.__load.files, document.querySelectorAll('[data-testid=load-file]').length);
        w.__load.models = Math.max(w.__load.models, document.querySelectorAll('[data-testid=load-model]').length);
        const total = document.querySelector('[data-testid=load-total]')?.textContent;
        const status = document.querySelector('[data-testid=load-status]')?.textContent;
        if (total && w.__load.totals.at(-1) !== total) w.__load.totals.push(total);
        if (status && w.__load.statuses.at(-1) !== status) w.__load.statuses.push(status);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await loadModels(page);
    const seen = await page.evaluate(() => (window as unknown as { __load: { files: number; models: number; totals: string[]; statuses: string[] } }).__load);
    expect(seen.files).toBeGreaterThanOrEqual(4); // config, tokenizer files and ONNX weights of two models
    expect(seen.models).toBe(2); // a subtotal per model
    expect(seen.totals.at(-1)).toMatch(/100%/);
    expect(seen.statuses.join(' | ')).toMatch(/Warming up/);
    await expect(page.getByTestId('device-badge').textContent()).resolves.toMatch(/WASM/);
  });

  it('offers the built-in task\'s sentence starts once the built-in generator is loaded', async () => {
    await expect(page.getByTestId('task-line').textContent()).resolves.toMatch(/continue the sentence; the reward is the positivity of the continuation/);
    const chips = await page.getByTestId('example-prompts').locator('button').allTextContents();
    expect(chips).toContain('when i opened the letter');
    expect(chips).not.toContain('Kind reply');
    expect(await page.locator('textarea[name="prompt"]').inputValue()).toBe('the weather today');
    await page.getByTestId('example-prompts').getByRole('button', { name: 'when i opened the letter' }).click();
    expect(await page.locator('textarea[name="prompt"]').inputValue()).toBe('when i opened the letter');
  });

  it('rejects bad settings with a message next to the field and keeps Run disabled', async () => {
    await setSettings(page, { n: '0', alpha: 'lots' });
    const nField = page.locator('.field', { has: page.locator('input[name="n"]') });
    await expect(nField.locator('.field-error').textContent()).resolves.toMatch(/N must be between 1 and/);
    const alphaField = page.locator('.field', { has: page.locator('input[name="alpha"]') });
    await expect(alphaField.locator('.field-error').textContent()).resolves.toMatch(/must be a number/);
    expect(await page.getByTestId('run-button').isDisabled()).toBe(true);
    await setSettings(page, { n: '24', alpha: '0.5', treebonChildren: '32' });
    const childrenField = page.locator('.field', { has: page.locator('input[name="treebonChildren"]') });
    await expect(childrenField.locator('.field-error').textContent()).resolves.toMatch(/Children per parent \(32\) cannot exceed N \(24\)/);
    expect(await page.getByTestId('run-button').isDisabled()).toBe(true);
    await setSettings(page, { treebonChildren: '4' });
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await page.getByTestId('run-button').isDisabled()).toBe(false);
  });

  it('runs all three methods: Speculative Rejection cuts branches at decision points while the charts fill', async () => {
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
    // Branches were cut while others were still being written, and the charts showed the first cut at
    // once (in the same commit as the tree), not only at the end of the run.
    expect(sprInFlight.some((s) => s.rejected > 0 && s.alive > 0)).toBe(true);
    expect(sprInFlight.some((s) => s.rejected > 0 && s.chartPoints > 0)).toBe(true);
    const spr = page.getByTestId('lane-spr');
    expect(await spr.getByTestId('decision-mark').count()).toBeGreaterThan(0);
    expect(await treeCount(spr, 'rejected')).toBeGreaterThan(0);
    expect(await treeCount(page.getByTestId('lane-bon'), 'bands')).toBeGreaterThan(1); // sequential batches
    for (const tree of await page.locator('.lanes').getByTestId('candidate-tree').all()) expect(await tree.getAttribute('data-winner')).toMatch(/^\d+$/);
    await expect(page.getByTestId('saved-spr').textContent()).resolves.toMatch(/% (less|more) compute|as much compute/);
    // TreeBoN branched layer by layer and says how its tokens compare with Best-of-N's N x max length.
    expect(await page.getByTestId('lane-treebon').getByTestId('decision-mark').count()).toBe(3);
    await expect(page.getByTestId('treebon-budget').textContent()).resolves.toMatch(/Best-of-N's budget N × max length \(64 × 96 = 6,144\)/);
    await expect.poll(async () => Number(await page.getByTestId('charts').getByTestId('chart-kvBytes').getAttribute('data-points'))).toBeGreaterThan(10);
    expect(await page.getByTestId('prefix-scatter').count()).toBeGreaterThan(0);
    // Replayed from Best-of-N's answers at the run's own α and schedule, Speculative Rejection's selection
    // comes out as the run's: the same winner and reward, the same tokens decoded.
    const replay = page.getByTestId('replay');
    // Replayed off the page's thread: the table appears once the derive worker answers.
    await expect.poll(() => replay.getByTestId('replay-row').count()).toBe(10);
    const thisRun = replay.locator('tr.this-run');
    expect(await thisRun.getAttribute('data-alpha')).toBe('0.5');
    const sprCells = page.getByTestId('result-spr').locator('td');
    expect(await thisRun.getByTestId('replay-reward').textContent()).toBe(await sprCells.nth(0).textContent());
    expect(await thisRun.getByTestId('replay-tokens').textContent()).toBe(await sprCells.nth(1).textContent());
  });

  it('shows a clicked branch as plain text with its rewards', async () => {
    const lane = page.getByTestId('lane-spr');
    const point = await pointAtBranch(page, lane, 'rejected');
    expect(point).not.toBeNull();
    await expect(lane.getByTestId('branch-tooltip').textContent()).resolves.toMatch(/^#\d+ · rejected · reward/);
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    const details = lane.getByTestId('candidate-details');
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

  it('selects candidates with the arrow keys, top to bottom', async () => {
    const lane = page.getByTestId('lane-spr');
    const select = lane.getByLabel('Show candidate');
    await lane.locator('.tree-viewport').focus();
    await page.keyboard.press('Home');
    const first = await select.inputValue();
    await page.keyboard.press('ArrowDown');
    const second = await select.inputValue();
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await select.inputValue()).toBe(first);
    await expect(lane.getByTestId('candidate-details').textContent()).resolves.toMatch(/tokens/);
  });

  it('runs TreeBoN with bandit-guided branching, its lane showing the layers and its children continuing their parents', async () => {
    for (const m of ['bon', 'spr']) await page.locator(`input[name="method-${m}"]`).uncheck();
    await page.getByLabel(/Bandit-guided \(UCB\)/).check();
    await setSettings(page, { n: '16', maxNewTokens: '48', kvBudgetTokens: '2000', treebonChildren: '4', treebonLayers: '3', ucbC: '2', ucbFloor: '0' });
    await expect(page.getByTestId('tree-shape').textContent()).resolves.toMatch(/shared by UCB\); layers end at 16, 32 and 48 tokens/);
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    const treebon = page.getByTestId('lane-treebon');
    expect(await laneState(page, 'treebon')).toBe('done');
    expect(await page.getByTestId('lane-bon').count()).toBe(0);
    await expect(treebon.getByTestId('lane-status').textContent()).resolves.toMatch(/layer 3 of 3/);
    await expect(treebon.getByTestId('treebon-note').textContent()).resolves.toMatch(/3 layers \(ending at 16, 32, 48 tokens\).*best 4 of 16 become parents, children shared by UCB \(c = 2, at least 0 each\)/);
    const marks = await treebon.getByTestId('decision-mark').allTextContents();
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatch(/^layer 1: \d+ parents? of 16$/);
    await treebon.getByLabel('Show candidate').fill('20');
    await expect(treebon.getByTestId('candidate-details').textContent()).resolves.toMatch(/continues #\d+/);
    await expect(page.getByTestId('treebon-budget').textContent()).resolves.toMatch(/Best-of-N's budget N × max length \(16 × 48 = 768\)/);
    for (const m of ['bon', 'spr']) await page.locator(`input[name="method-${m}"]`).check();
    await page.getByLabel(/^Even: every parent/).check();
  });

  it('stops mid-run and keeps what was produced', async () => {
    await setSettings(page, { n: '128', maxNewTokens: '400', kvBudgetTokens: '80000' });
    // Stop pressed right after Run, in one task: the worker receives the run and then the stop, and reads
    // the stop at its first turn, a few steps into Best-of-N, however busy the machine. (Waiting to see
    // the lane generate first raced Best-of-N's end, and a driver click waits for frames a page drawing a
    // run may not paint for seconds.)
    await runThenStopAtOnce(page);
    await waitForRunEnd(page);
    expect(await laneState(page, 'bon')).toBe('stopped');
    expect(await page.getByTestId('lane-spr').count()).toBe(0); // the run ended before reaching the next method
    await expect(page.getByTestId('result-bon').textContent()).resolves.toMatch(/stopped/);
    expect(await treeCount(page.getByTestId('lane-bon'), 'candidates')).toBe(128);
  });

  it('resets: a fresh worker, the same models loaded again, an empty screen', async () => {
    await page.getByTestId('reset-button').click();
    await page.getByTestId('loaded-summary').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.lanes [data-testid=candidate-tree]').length === 0);
    await setSettings(page, { n: '8', maxNewTokens: '24', kvBudgetTokens: '2000' });
    await page.getByTestId('run-button').click();
    await waitForRunEnd(page);
    expect(await laneState(page, 'spr')).toBe('done');
    expect(pageErrors).toEqual([]);
  });

  it('saves the run to a file and opens it again without models; a file that is not a run is refused with the reason', async () => {
    const resultsBefore = await page.getByTestId('result-table').locator('tbody').textContent();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-run').click()]);
    expect(download.suggestedFilename()).toMatch(/^run-.*\.json$/);
    const path = await download.path();
    await page.getByRole('button', { name: 'Change models' }).click();
    const input = page.getByLabel('Saved run file');
    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await expect(page.getByTestId('open-run-problem').textContent()).resolves.toMatch(/not a run saved by this app/);
    await input.setInputFiles(path);
    await page.getByTestId('recorded-summary').waitFor();
    expect(await page.getByTestId('run-button').count()).toBe(0); // nothing runs without models
    expect(await page.getByTestId('result-table').locator('tbody').textContent()).toBe(resultsBefore);
    expect(await laneState(page, 'spr')).toBe('done');
    await expect.poll(() => page.getByTestId('replay-row').count()).toBe(10);
    await page.getByRole('button', { name: 'Back to the models' }).click();
    await page.getByTestId('load-button').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
