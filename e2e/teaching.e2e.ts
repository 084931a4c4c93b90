// Teaching without a download (issue 12): the guided walk over a recorded run shipped with the app, with
// no model loaded; the race replay of a finished run on one clock; the miss, where Speculative Rejection
// cut Best-of-N's answer, on a shipped example that disagrees, recorded and run again live.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadModels, waitForRunEnd } from './app-page.ts';
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

const laneStatus = (method: string) => page.getByTestId(`lane-${method}`).getByTestId('lane-status');
const stepId = () => page.getByTestId('tour-panel').getAttribute('data-step');

/** Clicks Next (or presses → in the panel) until the walk shows `id`; returns the ids passed on the way. */
async function walkTo(id: string, how: 'click' | 'key' = 'click'): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    const current = await stepId();
    seen.push(current ?? '');
    if (current === id) return seen;
    if (how === 'click') await page.getByTestId('tour-next').click();
    else await page.getByTestId('tour-title').press('ArrowRight');
    await page.waitForFunction((previous) => document.querySelector('[data-testid=tour-panel]')?.getAttribute('data-step') !== previous, current);
  }
  throw new Error(`the walk never showed ${id}: ${seen.join(', ')}`);
}

describe('the guided walk, the race and the miss', () => {
  it('walks through a shipped recording, step by step, with no model loaded', async () => {
    await page.getByTestId('take-tour').click();
    const panel = page.getByTestId('tour-panel');
    await panel.waitFor();
    await expect(page.getByTestId('recorded-summary').textContent()).resolves.toMatch(/no model loaded/);
    expect(await page.getByTestId('loaded-summary').count()).toBe(0);
    // Focus starts in the walk, so the keyboard drives it from the first step.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'tour-title');
    expect(await stepId()).toBe('prompt');
    await expect(page.getByTestId('tour-takeaway').textContent()).resolves.toMatch(/\w/);
    await expect(panel.locator('.tour-count').textContent()).resolves.toMatch(/^Step 1 of \d+$/);

    // The memory fills: the lanes show the moment before the first decision, the memory chart outlined.
    await walkTo('memory-full', 'key');
    await expect(page.getByTestId('tour-text').textContent()).resolves.toMatch(/(\d+) rows can each grow to (\d+) tokens before \1 × \(\d+ \+ \2\) = [\d,]+ tokens of KV cache fill the [\d,]+-token memory/);
    await expect(laneStatus('spr').textContent()).resolves.toMatch(/generating .* 0 decisions/);
    expect(await page.locator('[data-testid=chart-kvBytes][data-tour-focus]').count()).toBe(1);

    // Decision 1: its mark ringed in Speculative Rejection's tree, the lanes just after it.
    await walkTo('decision-1');
    const sprTree = page.getByTestId('lane-spr').getByTestId('candidate-tree');
    await expect(sprTree.getAttribute('data-highlight-round')).resolves.toBe('1');
    expect(await sprTree.locator('.decision-mark.highlighted').count()).toBe(1);
    await expect(laneStatus('spr').textContent()).resolves.toMatch(/generating .* 1 decision /);
    await expect(page.getByTestId('tour-text').textContent()).resolves.toMatch(/scored all \d+ partial answers.*go on, \d+ are cut/);
    expect(await page.locator('[data-testid=lane-spr][data-tour-focus]').count()).toBe(1);

    // Back one step with the keyboard, then on to the end.
    await page.getByTestId('tour-title').press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('[data-testid=tour-panel]')?.getAttribute('data-step') === 'memory-full');
    const rest = await walkTo('compute');
    expect(rest).toEqual(expect.arrayContaining(['decision-1', 'spr-answer', 'miss', 'race', 'alpha', 'treebon', 'compute']));
    await expect.poll(() => page.locator('[data-testid=compute-panel][data-tour-focus]').count()).toBe(1);
    await expect(page.getByTestId('tour-done').isVisible()).resolves.toBe(true);

    // Escape closes it and the lanes show the whole run again.
    await page.getByTestId('tour-title').press('Escape');
    await page.getByTestId('tour-panel').waitFor({ state: 'detached' });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=lane-status]')].every((e) => e.getAttribute('data-state') === 'done'));
    expect(await page.locator('[data-tour-focus]').count()).toBe(0);
    await page.getByTestId('tour-open').waitFor();
    // No model was fetched: the walk ran on the recording alone.
    const modelFiles = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('.onnx')).length);
    expect(modelFiles).toBe(0);
  });

  it('shows the miss on the shipped example where Speculative Rejection cut Best-of-N\'s answer, and marks it in the lanes', async () => {
    const line = page.getByTestId('miss-line');
    await expect(line.getAttribute('data-kind')).resolves.toBe('missed');
    const text = (await line.textContent()) ?? '';
    expect(text).toMatch(/^Speculative Rejection missed Best-of-N's answer \(#(\d+)\): it was cut at decision \d+ \(\d+ tokens\) because its partial reward there, [+-]?[\d.]+, ranked \d+\w\w of \d+ and only the best \d+ went on\./);
    const answer = text.match(/\(#(\d+)\)/)![1]!;
    // Best-of-N's answer is its winner, ringed in Speculative Rejection's lane, its fate written under the lane's status.
    await expect(page.getByTestId('lane-bon').getByTestId('candidate-tree').getAttribute('data-winner')).resolves.toBe(answer);
    await expect(page.getByTestId('lane-spr').getByTestId('candidate-tree').getAttribute('data-marked')).resolves.toBe(answer);
    await expect(page.getByTestId('lane-spr').getByTestId('bon-answer-fate').textContent()).resolves.toMatch(new RegExp(`^Best-of-N's answer \\(#${answer}\\): cut at decision`));
    await expect(page.getByTestId('lane-treebon').getByTestId('bon-answer-fate').textContent()).resolves.toMatch(/^Best-of-N's answer \(#\d+\)/);
  });

  it('races the lanes on one clock: Speculative Rejection has its answer while Best-of-N is still writing', async () => {
    const bar = page.getByTestId('race-bar');
    // Slow enough that frames on a busy machine still catch the moment between the two answers.
    await page.getByTestId('race-speed').selectOption({ label: '1/16×' });
    // Every change the race makes, watched from inside the page (a busy machine answers the driver late).
    await page.evaluate(() => {
      const w = window as unknown as { __race: { spr: string | null; bon: string | null; finished: string[] }[] };
      w.__race = [];
      new MutationObserver(() => {
        const state = (m: string) => document.querySelector(`[data-testid=lane-${m}] [data-testid=lane-status]`)?.getAttribute('data-state') ?? null;
        const finished = [...document.querySelectorAll('[data-testid=race-finishes] li[data-finished=true]')].map((e) => e.getAttribute('data-method') ?? '');
        w.__race.push({ spr: state('spr'), bon: state('bon'), finished });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.getByTestId('race-play').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=race-bar]')?.getAttribute('data-state') === 'end', undefined, { timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { __race: { spr: string | null; bon: string | null; finished: string[] }[] }).__race);
    // It started from the start, and at some moment Speculative Rejection was done and Best-of-N was not.
    expect(seen.some((s) => s.spr === 'generating' && s.bon === 'generating')).toBe(true);
    expect(seen.some((s) => s.spr === 'done' && s.bon === 'generating' && s.finished[0] === 'spr' && !s.finished.includes('bon'))).toBe(true);
    await expect(bar.getByTestId('race-finishes').locator('li').first().getAttribute('data-method')).resolves.toBe('spr');
    expect(await bar.locator('li[data-finished=true]').count()).toBe(3);

    // The clock moved by hand to between the two answers: Speculative Rejection done, Best-of-N still writing.
    const finishOf = async (m: string) => Number(await bar.locator(`li[data-method=${m}]`).getAttribute('data-finish'));
    const between = ((await finishOf('spr')) + (await finishOf('bon'))) / 2;
    await bar.getByTestId('race-clock').fill(String(between));
    await page.waitForFunction(() => document.querySelector('[data-testid=race-bar]')?.getAttribute('data-state') === 'paused');
    await page.waitForFunction(() => {
      const state = (m: string) => document.querySelector(`[data-testid=lane-${m}] [data-testid=lane-status]`)?.getAttribute('data-state');
      return state('spr') === 'done' && state('bon') === 'generating';
    });
    await expect(bar.locator('li[data-method=spr]').getAttribute('data-finished')).resolves.toBe('true');
    await expect(bar.locator('li[data-method=bon]').getAttribute('data-finished')).resolves.toBe('false');

    // The clock moves by hand (keyboard): back to the start, every lane starting again.
    await bar.getByTestId('race-clock').focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('[data-testid=race-time]')?.getAttribute('data-time') === '0');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=lane-status]')].every((e) => e.getAttribute('data-state') !== 'done'));
    await bar.getByTestId('race-whole-run').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=lane-status]')].every((e) => e.getAttribute('data-state') === 'done'));
    await expect(bar.getAttribute('data-state')).resolves.toBe('idle');
  });

  it('with reduced motion, Race shows the finish at once', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      const play = page.getByTestId('race-play');
      await page.waitForFunction(() => document.querySelector('[data-testid=race-play]')?.textContent === 'Show the finish');
      await play.click();
      await expect(page.getByTestId('race-bar').getAttribute('data-state')).resolves.toBe('end');
    } finally {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('lists the shipped examples, and one run live from its chip disagrees as recorded', async () => {
    await page.getByRole('button', { name: 'Back to the models' }).click();
    const examples = page.getByTestId('recorded-example');
    await examples.first().waitFor();
    const listed = await examples.allTextContents();
    expect(listed.some((t) => /Speculative Rejection missed Best-of-N's answer/.test(t))).toBe(true);
    const recorded = listed.find((t) => /missed Best-of-N's answer/.test(t))!.match(/(Speculative Rejection missed Best-of-N's answer.*)$/)![1]!;
    await loadModels(page);
    const chips = page.getByTestId('shipped-example');
    await chips.first().waitFor();
    await page.getByTestId('shipped-example').and(page.locator('[data-id=spr-misses]')).click();
    // While it runs, the race bar says the live run is sequential (watched from before the click).
    const saidLive = page.evaluate(() => new Promise<boolean>((resolve) => {
      const seen = () => document.querySelector('[data-testid=race-bar]')?.getAttribute('data-state') === 'live';
      const observer = new MutationObserver(() => {
        if (!seen()) return;
        observer.disconnect();
        resolve(true);
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    }));
    await page.getByTestId('run-button').click();
    await expect(saidLive).resolves.toBe(true);
    await waitForRunEnd(page);
    await expect(page.getByTestId('miss-line').textContent()).resolves.toBe(recorded.trim());
    // The walk works on the live run too, once it has ended.
    await page.getByTestId('tour-open').click();
    await page.getByTestId('tour-panel').waitFor();
    expect(await stepId()).toBe('prompt');
    await walkTo('miss');
    await expect(page.getByTestId('tour-text').textContent()).resolves.toBe(recorded.trim());
    await page.getByTestId('tour-close').click();
    await page.getByTestId('tour-panel').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
