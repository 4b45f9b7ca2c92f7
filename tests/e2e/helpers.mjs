// Shared steps for the Playwright specs.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe finds on the page as it is now, one line per rule broken, for
 * `tags` (WCAG 2.2 AA unless given). Legacy mode runs axe in the page
 * itself: the app has no frames, and the default mode opened a blank page
 * and injected axe twice on every call, about 3.0 s a call against 1.8 s
 * (1 December 2026), with the same findings.
 */
export async function axeViolations(page, tags = AXE_TAGS) {
  const results = await new AxeBuilder({ page }).withTags(tags).setLegacyMode(true).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Fails with the list of violations if axe finds any on the page as it is now. */
export async function expectNoAxeViolations(page) {
  expect(await axeViolations(page), 'axe violations').toEqual([]);
}

/** Opens a page of the app and waits until the app (not the static first paint) is showing. */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.locator('#app-static')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * Reloads the page and waits, as `openApp` does, until the app is showing:
 * a prerendered page's heading is on screen before the app, and while the
 * app takes over both copies of the page are in the document.
 */
export async function reloadApp(page) {
  await page.reload();
  await expect(page.locator('#app-static')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Fails the test if the page tries to reach any origin but its own. */
export function watchForeignRequests(page) {
  const foreign = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      foreign.push(request.url());
    }
  });
  return foreign;
}

/**
 * The number of pages in a PDF made by Chromium: its page objects are
 * written uncompressed as "/Type /Page" (the page tree is "/Type /Pages").
 */
export function countPdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

/**
 * The words in `selector`'s text that the layout splits over two lines or
 * more, found by measuring each word's boxes. Empty when every word is whole.
 */
export async function wordsBrokenInside(page, selector) {
  return page.evaluate((selector) => {
    const broken = [];
    for (const element of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, selector);
}
