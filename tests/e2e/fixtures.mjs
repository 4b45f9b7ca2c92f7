// Playwright's `test`, watched: every spec imports `test` and `expect` from
// here. A script error on any page of a test's browser context (a Rust panic
// ends as an uncaught `RuntimeError: unreachable`) fails the test, however
// the rest of it went. When a test fails, what the browser printed and the
// text of the page on screen go to the test's output, so a failure in CI,
// where the trace and error-context files are out of reach, can be read.
import { test as base, expect } from '@playwright/test';

export { expect };

export const test = base.extend({
  context: async ({ context }, use, testInfo) => {
    const scriptErrors = [];
    const consoleLines = [];
    context.on('weberror', (webError) => scriptErrors.push(String(webError.error()?.stack || webError.error())));
    context.on('console', (message) => {
      if (['error', 'warning'].includes(message.type())) consoleLines.push(`${message.type()}: ${message.text()}`);
    });
    await use(context);
    if (testInfo.status !== testInfo.expectedStatus) {
      const onScreen = await Promise.all(
        context.pages().map(async (page) => {
          const text = await page.locator('body').innerText({ timeout: 1000 }).catch(() => '(unreadable)');
          return `${page.url()}\n${text.slice(0, 3000)}`;
        }),
      );
      console.log(
        [
          `--- ${testInfo.titlePath.join(' › ')} failed; what the browser printed:`,
          ...(consoleLines.length ? consoleLines : ['(nothing)']),
          '--- on screen:',
          ...onScreen,
          '---',
        ].join('\n'),
      );
    }
    expect(scriptErrors, 'uncaught script errors (a panic in the app)').toEqual([]);
  },
});
