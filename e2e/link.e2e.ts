// Settings in the page's address (WASM, built-in models): "Copy link" writes every run setting and the
// models; a fresh browser opening that link gets the same setup; bad parameters are said, with defaults.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadModels, setSettings } from './app-page.ts';
import { launchChromium, openPage } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const SETTINGS = { n: '24', alpha: '0.7', maxNewTokens: '40', kvBudgetTokens: '700', seed: '11', temperature: '0.9', topK: '30', topP: '0.95' } as const;

describe('settings in the address', () => {
  it('round-trips every setting through a copied link into a fresh browser', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?device=wasm`);
    await loadModels(page);
    await page.locator('textarea[name="prompt"]').fill('the music last night');
    await setSettings(page, SETTINGS);
    await page.getByLabel('At fixed lengths:').check();
    await page.getByLabel('Decision lengths').fill('4, 12');
    await page.getByTestId('spr-start').getByLabel(/Same memory/).check();
    await page.getByLabel('Most candidates Speculative Rejection starts').fill('300');
    await page.locator('input[name="method-treebon"]').uncheck();
    await page.getByRole('button', { name: 'Copy link to this setup' }).click();
    const link = await page.getByTestId('setup-link').inputValue();
    expect(link).toMatch(/[?&]n=24&/);
    // Another browser profile: nothing kept from the first page, only the link.
    const fresh = await openPage(browser, link);
    await loadModels(fresh.page);
    for (const [name, value] of Object.entries(SETTINGS)) expect(await fresh.page.locator(`input[name="${name}"]`).inputValue()).toBe(value);
    expect(await fresh.page.locator('textarea[name="prompt"]').inputValue()).toBe('the music last night');
    expect(await fresh.page.getByLabel('Decision lengths').inputValue()).toBe('4, 12');
    expect(await fresh.page.getByTestId('spr-start').getByLabel(/Same memory/).isChecked()).toBe(true);
    expect(await fresh.page.getByLabel('Most candidates Speculative Rejection starts').inputValue()).toBe('300');
    expect(await fresh.page.locator('input[name="method-treebon"]').isChecked()).toBe(false);
    expect(await fresh.page.getByTestId('device-badge').textContent()).toMatch(/WASM/);
    expect(await fresh.page.getByTestId('link-notice').count()).toBe(0);
    expect([...errors, ...fresh.errors]).toEqual([]);
    await fresh.page.close();
    await page.close();
  });

  it('says which parameters of a bad link it could not use, keeps their defaults, and still works', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?device=wasm&n=lots&methods=bon,magic&alpha=0.3&generator=builtin:no-such-model&colour=red`);
    const notice = page.getByTestId('link-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    for (const said of [/n=lots: N must be a whole number.*Kept \d+\./, /methods=bon,magic: choose from bon, spr, treebon/, /no built-in model "no-such-model"/, /"colour" is not a setting/]) {
      expect(text).toMatch(said);
    }
    await loadModels(page);
    expect(await page.locator('input[name="alpha"]').inputValue()).toBe('0.3');
    expect(await page.getByTestId('run-button').isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
