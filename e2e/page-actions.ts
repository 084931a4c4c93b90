// Actions done inside the page, in one task, where going through the driver one click at a time would
// leave room for the app (or a busy machine) to move in between: what a fast user or a double click does.
import type { Locator, Page } from 'playwright-core';

/**
 * Clicks Run, then Stop as soon as React has enabled it (a microtask later, before any other task):
 * the worker receives the run and then the stop, so the stop lands in the run's first steps every time.
 */
export async function runThenStopAtOnce(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const run = document.querySelector<HTMLButtonElement>('[data-testid=run-button]');
    const stop = document.querySelector<HTMLButtonElement>('[data-testid=stop-button]');
    if (!run || !stop || run.disabled) throw new Error('Run is not available');
    run.click();
    await new Promise<void>((resolve) => {
      if (!stop.disabled) return resolve();
      new MutationObserver((_, observer) => {
        if (stop.disabled) return;
        observer.disconnect();
        resolve();
      }).observe(stop, { attributes: true });
    });
    stop.click();
  });
}

/** Two clicks on Run in one task, before React re-renders: a double click on a slow page. */
export async function clickRunTwiceInOneTask(page: Page): Promise<void> {
  await page.evaluate(() => {
    const run = document.querySelector<HTMLButtonElement>('[data-testid=run-button]');
    if (!run || run.disabled) throw new Error('Run is not available');
    run.click();
    run.click();
  });
}

/** Pastes `prompt` and clicks Run once React has taken it, in the same task: before the prompt's token count can arrive. */
export async function pastePromptAndRun(page: Page, prompt: string): Promise<void> {
  await page.evaluate(async (text) => {
    const area = document.querySelector<HTMLTextAreaElement>('textarea[name="prompt"]');
    const run = document.querySelector<HTMLButtonElement>('[data-testid=run-button]');
    if (!area || !run) throw new Error('no prompt or Run');
    // React tracks the value it set: write through the native setter so the input event counts as a change.
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, text);
    area.dispatchEvent(new Event('input', { bubbles: true }));
    // React commits an input event's update in a microtask; a timer (the token count's debounce) cannot run before.
    await Promise.resolve();
    if (run.disabled) throw new Error('Run was disabled after the paste');
    run.click();
  }, prompt);
}

/** Whether the element is wholly inside the viewport (the user sees it without scrolling). */
export function isInViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    // A pixel of slack for sub-pixel layout.
    return rect.top >= -1 && rect.left >= -1 && rect.bottom <= window.innerHeight + 1 && rect.right <= window.innerWidth + 1;
  });
}

/**
 * Clicks Run and waits until `method`'s lane shows `state`, watched from before the click on every DOM
 * change: a page busy drawing a run paints no frame and answers the driver late, so polling (on frames
 * or from the driver) can miss a state the page held only while it was busy.
 */
export async function runUntilLaneState(page: Page, method: string, state: string, timeout = 60_000): Promise<void> {
  await page.evaluate(
    ({ method, state, timeout }) =>
      new Promise<void>((resolve, reject) => {
        const run = document.querySelector<HTMLButtonElement>('[data-testid=run-button]');
        if (!run || run.disabled) throw new Error('Run is not available');
        const selector = `[data-testid=lane-${method}] [data-testid=lane-status]`;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`lane ${method} never showed "${state}"`));
        }, timeout);
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)?.getAttribute('data-state') !== state) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        run.click();
      }),
    { method, state, timeout },
  );
}

/**
 * Holds the page's main thread for `busyMs` (as drawing a big run does), then clicks the button named
 * `name` in the same task: whatever the worker sent meanwhile is still queued, and arrives after the click.
 */
export async function clickAfterBusyPage(page: Page, name: string, busyMs: number): Promise<void> {
  await page.evaluate(
    ({ name, busyMs }) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === name);
      if (!button) throw new Error(`no button "${name}"`);
      const until = performance.now() + busyMs;
      while (performance.now() < until) {
        // busy, like a long render
      }
      button.click();
    },
    { name, busyMs },
  );
}
