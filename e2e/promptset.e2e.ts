// A prompt set in the browser, on the built-in models: 20 sentence starts run to the end with the
// progress bar moving, and each export is downloaded, parsed back and checked line by line; a reload
// half-way, then Resume, finishes with every prompt done exactly once; a malformed file is refused with
// its first bad line named. One browser context is one browser's storage across its reloads.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadModels, setSettings } from './app-page.ts';
import { launchChromium } from './browser.ts';
import { waitForStored } from './stored-in-page.ts';

const STARTS = [
  'the weather today', 'my friend said that', 'when i opened the letter', 'the new school', 'after the meeting, the president',
  'her first day at work', 'the doctor told me that', 'our family', 'the music last night', 'when he came home',
  'the war', 'this city', 'the garden in spring', 'his old car', 'the children played', 'at the end of the day',
  'the letter from home', 'our new house', 'the game last night', 'the morning train',
];
/** Small runs of all three methods, so 20 prompts take seconds. */
const SMALL = { n: '4', maxNewTokens: '10', kvBudgetTokens: '48' };

let browser: Browser;
let dir: string;
let promptsFile: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), 'promptset-e2e-'));
  promptsFile = join(dir, 'starts-20.jsonl');
  await writeFile(promptsFile, STARTS.map((s) => JSON.stringify({ prompt: s })).join('\n'));
});

afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${inject('baseUrl')}?device=wasm`);
  await page.getByTestId('load-button').waitFor();
  return { page, errors };
}

const panel = (page: Page) => page.getByTestId('prompt-set-panel');
const finished = async (page: Page) => Number(await page.getByTestId('set-progress').getAttribute('data-finished'));

/** Opens the prompt file, loads the models, and starts the set with small settings. */
async function startSet(page: Page): Promise<void> {
  await page.getByLabel('Prompt set file').setInputFiles(promptsFile);
  await expect(panel(page).locator('h2').innerText()).resolves.toMatch(/starts-20\.jsonl\s*20 prompts/);
  await loadModels(page);
  await setSettings(page, SMALL);
  await page.getByTestId('set-run-button').click();
  await page.locator('[data-testid=prompt-set-panel]:not([data-status=idle])').waitFor();
}

async function waitForDone(page: Page, timeout = 170_000): Promise<void> {
  await page.locator('[data-testid=prompt-set-panel][data-status=done]').waitFor({ timeout });
}

/** The set's runs and outcomes as the page's IndexedDB holds them. */
function storedSet(page: Page): Promise<{ runs: { id: string; ending: string; set?: { id: string; index: number }; createdAt: number }[]; outcomes: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('aligned-in-the-browser');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) => new Promise<T[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as T[]);
      request.onerror = () => reject(request.error);
    });
    try {
      const runs = (await all<{ id: string; ending: string; set?: { id: string; index: number }; createdAt: number }>('runs')).filter((r) => r.set);
      return { runs: runs.map(({ id, ending, set, createdAt }) => ({ id, ending, set, createdAt })), outcomes: (await all('outcomes')).length };
    } finally {
      db.close();
    }
  });
}

async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

async function exportOf(page: Page, format: string): Promise<{ data: { name: string; text: string }; meta: Record<string, unknown> & { skipped: { index: number }[] } }> {
  await page.locator('select[name=export-format]').selectOption(format);
  const data = await downloaded(page, 'export-data');
  const meta = await downloaded(page, 'export-meta');
  return { data, meta: JSON.parse(meta.text) };
}

const jsonLines = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a prompt set in the browser', () => {
  it('20 prompts run to the end with the progress bar moving, each stored once, and every export reads back line by line', async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      const w = window as unknown as { __progress: number[] };
      w.__progress = [];
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid=set-progress-bar]');
        if (bar && bar.value !== w.__progress.at(-1)) w.__progress.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await startSet(page);
    await waitForDone(page);
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    // The bar moved prompt by prompt (a busy page may batch two renders), never backwards, to the end.
    expect(progress.at(-1)).toBe(20);
    expect(new Set(progress).size).toBeGreaterThanOrEqual(8);
    expect(progress.every((v, i) => i === 0 || v >= progress[i - 1]!)).toBe(true);
    expect(await page.locator('[data-testid=set-prompt-row][data-status=done]').count()).toBe(20);

    const stored = await storedSet(page);
    expect(stored.outcomes).toBe(20);
    expect(stored.runs.map((r) => r.set!.index).sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(stored.runs.every((r) => r.ending === 'done')).toBe(true);
    await expect(page.getByTestId('set-totals').innerText()).resolves.toMatch(/Best-of-N.*Speculative Rejection.*TreeBoN/s);

    // scored: every complete answer; the other formats are checked against it.
    const scored = await exportOf(page, 'scored');
    expect(scored.data.name).toBe('starts-20.scored.jsonl');
    const answers = jsonLines(scored.data.text);
    for (const a of answers) {
      expect(STARTS).toContain(a['prompt']);
      expect(['stop-token', 'max-length']).toContain(a['finish']);
      expect(typeof a['reward']).toBe('number');
      expect(a).toMatchObject({ generator: 'builtin-brown-lm', scorers: ['builtin-afinn-reward'], seed: 1 });
    }
    const rewardOf = (prompt: unknown, text: unknown) => {
      const found = answers.filter((a) => a['prompt'] === prompt && a['text'] === text);
      expect(found.length, `"${String(text)}" is a complete answer to "${String(prompt)}"`).toBeGreaterThan(0);
      return found[0]!['reward'] as number;
    };

    const sft = await exportOf(page, 'sft');
    const sftLines = jsonLines(sft.data.text);
    expect(sftLines.length + sft.meta.skipped.length).toBe(20);
    for (const line of sftLines) {
      expect(Object.keys(line)).toEqual(['prompt', 'completion']);
      const best = Math.max(...answers.filter((a) => a['prompt'] === line['prompt']).map((a) => a['reward'] as number));
      expect(rewardOf(line['prompt'], line['completion'])).toBe(best);
    }

    const preference = await exportOf(page, 'preference');
    expect(preference.data.name).toBe('starts-20.preference.jsonl');
    expect(preference.meta).toMatchObject({ kind: 'preference', models: { generator: 'builtin-brown-lm' }, options: { from: 'all', rejected: 'lowest' } });
    const pairs = jsonLines(preference.data.text);
    expect(pairs.length + preference.meta.skipped.length).toBe(20);
    expect(pairs.length).toBeGreaterThan(10);
    for (const pair of pairs) {
      expect(Object.keys(pair)).toEqual(['prompt', 'chosen', 'rejected']);
      expect(STARTS).toContain(pair['prompt']);
      expect(rewardOf(pair['prompt'], pair['chosen'])).toBeGreaterThan(rewardOf(pair['prompt'], pair['rejected']));
    }

    const csv = await exportOf(page, 'csv');
    const table = Papa.parse<Record<string, string>>(csv.data.text.trimEnd(), { header: true });
    expect(table.errors).toEqual([]);
    expect(table.data.map((r) => r['prompt'])).toEqual(STARTS);
    for (const row of table.data) for (const m of ['bon', 'spr', 'treebon']) expect(Number(row[`${m}_decoded_tokens`])).toBeGreaterThan(0);

    // A finished prompt opens in the usual lanes.
    await page.locator('[data-testid=set-prompt-row][data-index="3"]').getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('result-table').innerText()).resolves.toMatch(/TreeBoN/);
    expect(errors).toEqual([]);
  });

  it('a reload in the middle, then Resume, finishes with every prompt done exactly once and none run twice', async () => {
    const { page, errors } = await open();
    await startSet(page);
    await waitForStored(() => finished(page), (n) => n >= 4, 120_000);
    const before = await storedSet(page);
    await page.reload();
    await page.getByTestId('load-button').waitFor();
    const kept = page.getByTestId('kept-set');
    await kept.waitFor();
    const keptText = await kept.innerText();
    const done = Number(/(\d+) of 20 done/.exec(keptText)?.[1]);
    expect(done).toBeGreaterThanOrEqual(before.outcomes);
    expect(done).toBeLessThan(20);
    await kept.getByRole('button', { name: 'Open' }).click();
    await expect(panel(page).getAttribute('data-status')).resolves.toBe('stopped');
    await loadModels(page);
    await page.getByTestId('set-run-button').click();
    await waitForDone(page);
    const after = await storedSet(page);
    expect(after.outcomes).toBe(20);
    expect(after.runs.map((r) => r.set!.index).sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    // The prompts kept before the reload were not run again: their runs are the ones written then.
    for (const run of before.runs) expect(after.runs.find((r) => r.id === run.id)?.createdAt).toBe(run.createdAt);
    expect(errors).toEqual([]);
  });

  it('a malformed prompts file is refused with its first bad line named', async () => {
    const { page } = await open();
    const bad = join(dir, 'broken.jsonl');
    await writeFile(bad, '"the weather today"\n{"prompt": "our family"}\n{"prompt": "the war"\n"this city"\n');
    const problem = (file: string) => page.getByTestId('prompt-set-problem').filter({ hasText: file }).innerText();
    await page.getByLabel('Prompt set file').setInputFiles(bad);
    await expect(problem('broken.jsonl')).resolves.toMatch(/^broken\.jsonl, line 3: this line is not valid JSON/);
    const csv = join(dir, 'broken.csv');
    await writeFile(csv, 'prompt,topic\n"the weather today",sky\nmy friend, said that,people\n');
    await page.getByLabel('Prompt set file').setInputFiles(csv);
    await expect(problem('broken.csv')).resolves.toMatch(/^broken\.csv, line 3: .*double quotes/);
    expect(await page.getByTestId('prompt-set-panel').count()).toBe(0);
  });
});
