// One journey with the keyboard alone (Tab, Shift+Tab, arrows, Space,
// Enter): find a route, run a quick check, read the results, export.
import { expect, test } from './fixtures.mjs';
import { openApp } from './helpers.mjs';
import { quickCheck } from './seed.mjs';

/** Presses Tab until `locator` has focus, as a keyboard user would. */
async function tabTo(page, locator, max = 400) {
  for (let press = 0; press < max; press += 1) {
    if (await locator.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${locator} with Tab`);
}

test('route finder, quick check, results and export by keyboard alone', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the keyboard journey runs once, at phone size');
  test.setTimeout(120_000);
  await openApp(page, '/');

  await tabTo(page, page.getByRole('link', { name: 'Explore roles' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Find your route into a role' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find your route into a role');
  await tabTo(page, page.locator('#background'));
  await page.keyboard.press('Space');
  await tabTo(page, page.locator('#experience'));
  await page.keyboard.press('Space');
  await expect(page.locator('.app-route[data-role="accp"] .nhsuk-tag')).toHaveText('You meet the entry requirements');

  await tabTo(page, page.getByRole('link', { name: 'Check my capabilities' }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check my capabilities');
  await tabTo(page, page.locator('#role'));
  await page.keyboard.press('Space');
  await tabTo(page, page.locator('#stage'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Newly qualified', { exact: true })).toBeChecked();
  await tabTo(page, page.locator('#scope'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Start the check' }));
  await page.keyboard.press('Enter');

  const heading = page.locator('#step-heading');
  const total = quickCheck('pa').length;
  for (let step = 1; step <= total; step += 1) {
    await expect(page.getByText(`Question ${step} of ${total}`, { exact: true })).toBeVisible();
    await expect(heading).toBeFocused();
    await tabTo(page, page.locator('#rating-1'));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#rating-3')).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: /^Next/ }));
    await page.keyboard.press('Enter');
  }
  await expect(heading).toHaveText('Review your answers');
  await tabTo(page, page.getByRole('button', { name: 'Finish and see results' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');

  await tabTo(page, page.getByRole('button', { name: 'Download ratings (CSV)' }));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);

  await tabTo(page, page.getByRole('link', { name: /Back up everything/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Download a backup (JSON)' }));
  const [backup] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(backup.suggestedFilename()).toMatch(/backup.*\.json$/);
});
