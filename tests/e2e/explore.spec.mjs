// Exploring the roles: the comparison table and the route finder, at phone
// and desktop sizes, by keyboard, and across a reload.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp } from './helpers.mjs';

const ROUTE_FINDER_KEY = 'mapscc/route-finder';

/** Fails if the page is wider than a 320px screen, as WCAG reflow forbids. */
async function expectNoHorizontalScrollAt320(page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'page width at 320px').toBeLessThanOrEqual(320);
}

function routeCard(page, role) {
  return page.locator(`.app-route[data-role="${role}"]`);
}

test('the roles page links to the route finder and the comparison', async ({ page }) => {
  await openApp(page, '/roles');
  await page.getByRole('link', { name: 'Find your route into a role' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find your route into a role');
  await page.goBack();
  await page.getByRole('link', { name: 'compare the roles side by side' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare the roles');
});

test('links change page without reloading, and Back, Forward and the skip link work', async ({ page }) => {
  await openApp(page, '/');
  // A value on window survives only if the page is never reloaded.
  await page.evaluate(() => { window.appNotReloaded = true; });
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Explore roles' }).click();
  await expect(page).toHaveURL(/\/roles$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore the roles');
  await expect(main.getByRole('link', { name: 'Explore roles' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: /Physician associate/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Physician associate (PA)');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore the roles');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Physician associate (PA)');
  await page.locator('.nhsuk-skip-link').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#maincontent')).toBeFocused();
  await expect(page).toHaveURL(/\/roles\/pa$/);
  expect(await page.evaluate(() => window.appNotReloaded)).toBe(true);
});

test('the comparison shows PA and AA side by side by default and passes axe', async ({ page }) => {
  await openApp(page, '/roles/compare');
  await expect(page.locator('h1')).toHaveCount(1);
  const table = page.locator('table.app-compare-table');
  await expect(table.getByRole('columnheader')).toHaveText(['Topic', 'PA', 'AA']);
  for (const row of ['Title', 'What you do', 'How to get in', 'Training', 'Supervision', 'Regulation', 'Pay', 'Capabilities in our framework']) {
    await expect(table.getByRole('rowheader', { name: row, exact: true })).toHaveCount(1);
  }
  await expect(table).toContainText('Proposed new title, not yet in law: Physician assistant');
  await expect(page.locator('.app-compare-shared')).toHaveText(/^Capabilities shared by all chosen roles: \d+$/);
  await expectNoAxeViolations(page);
});

test('the comparison asks for at least two roles, then shows every one chosen', async ({ page }) => {
  await openApp(page, '/roles/compare');
  await page.getByLabel('Anaesthesia associate (AA)').uncheck();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link')).toHaveText('Choose at least two roles to compare');
  await expect(page.locator('table.app-compare-table')).toHaveCount(0);
  await expect(page).toHaveTitle('Error: Compare the roles - MAPs Capability Checker');
  await expectNoAxeViolations(page);

  await page.getByLabel('Surgical care practitioner (SCP)').check();
  await page.getByLabel('Advanced critical care practitioner (ACCP)').check();
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveTitle('Compare the roles - MAPs Capability Checker');
  await expect(page.locator('table.app-compare-table').getByRole('columnheader')).toHaveText(['Topic', 'PA', 'SCP', 'ACCP']);
});

test('the comparison of all four roles reflows at 320px without scrolling sideways', async ({ page }) => {
  await openApp(page, '/roles/compare');
  await page.getByLabel('Surgical care practitioner (SCP)').check();
  await page.getByLabel('Advanced critical care practitioner (ACCP)').check();
  await expectNoHorizontalScrollAt320(page);
  await expectNoAxeViolations(page);
});

test('the route finder passes axe with answers given', async ({ page }) => {
  await openApp(page, '/roles/route-finder');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('main').getByText('Your answers stay on this device.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Already working as a PA, AA, SCP or ACCP').check();
  await page.getByLabel('Physician associate (PA)').check();
  await page.getByLabel('How many years is it since you first registered after qualifying?').fill('2');
  await page.getByLabel('Surgery').check();
  await expect(page.getByRole('heading', { name: 'Your routes' })).toBeVisible();
  await expect(page.locator('.app-route')).toHaveCount(4);
  await expect(routeCard(page, 'aa').locator('.nhsuk-tag')).toHaveText('Another step first');
  await expect(routeCard(page, 'aa')).toContainText('you have 2 so far');
  await expectNoAxeViolations(page);
});

test('the route finder says when the years are not a number', async ({ page }) => {
  await openApp(page, '/roles/route-finder');
  await page.getByLabel('Registered nurse').check();
  const years = page.getByLabel('How many years is it since you first registered after qualifying?');
  await years.fill('three');
  await expect(page.locator('#years-error')).toContainText('Enter the number of years as a whole number');
  await expectNoAxeViolations(page);
  await years.fill('3');
  await expect(page.locator('#years-error')).toHaveCount(0);
  await expect(routeCard(page, 'aa').locator('.nhsuk-tag')).toHaveText('You meet the entry requirements');
});

test('every reason on the route finder links its source', async ({ page }) => {
  await openApp(page, '/roles/route-finder');
  await page.getByLabel('School leaver, or no degree yet').check();
  const reasons = page.locator('.app-reason');
  expect(await reasons.count()).toBeGreaterThanOrEqual(4);
  for (const reason of await reasons.all()) {
    await expect(reason.locator('.app-reason__source a').first()).toHaveAttribute('href', /^https:\/\//);
  }
  await expect(routeCard(page, 'scp').locator('.nhsuk-tag')).toHaveText('Entry requirements not met');
  await expect(routeCard(page, 'pa').getByRole('link', { name: 'Physician associate (PA)' })).toHaveAttribute('href', /\/roles\/pa$/);
});

test('the route finder with results reflows at 320px without scrolling sideways', async ({ page }) => {
  await openApp(page, '/roles/route-finder');
  await page.getByLabel('Another registered health professional').check();
  await page.getByLabel('I have recent experience in critical care (intensive care)').check();
  await expect(page.locator('.app-route')).toHaveCount(4);
  await expectNoHorizontalScrollAt320(page);
});

test('the route finder works by keyboard alone, and its answers survive a reload until cleared', async ({ page }) => {
  await openApp(page, '/roles/route-finder');

  // An ICU nurse: the first background, then the critical care box, then
  // the critical care interest, each with Space.
  await page.locator('#background').focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Registered nurse')).toBeChecked();
  await page.locator('#experience').focus();
  await page.keyboard.press('Space');
  await page.locator('#interests-2').focus();
  await page.keyboard.press('Space');
  await expect(routeCard(page, 'accp').locator('.nhsuk-tag')).toHaveText('You meet the entry requirements');
  await expect(page.locator('.app-route').first()).toHaveAttribute('data-role', 'accp');

  // ArrowDown moves to the next background, and back to the nurse takes a
  // full turn round the six.
  await page.locator('#background').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Operating department practitioner (ODP)')).toBeChecked();
  for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Registered nurse')).toBeChecked();
  // A new background clears the answers that belonged to the old one, so
  // the critical care box is empty again and is ticked once more.
  await expect(page.locator('#experience')).not.toBeChecked();
  await page.locator('#experience').focus();
  await page.keyboard.press('Space');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find your route into a role');
  await expect(page.getByLabel('Registered nurse')).toBeChecked();
  await expect(page.locator('#experience')).toBeChecked();
  await expect(page.locator('#interests-2')).toBeChecked();
  await expect(routeCard(page, 'accp').locator('.nhsuk-tag')).toHaveText('You meet the entry requirements');

  await page.getByRole('button', { name: 'Clear my answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your answers have been cleared from this device.')).toBeVisible();
  await expect(page.getByLabel('Registered nurse')).not.toBeChecked();
  await expect(page.locator('.app-route')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), ROUTE_FINDER_KEY)).toBeNull();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find your route into a role');
  await expect(page.getByLabel('Registered nurse')).not.toBeChecked();
  await expect(page.locator('.app-route')).toHaveCount(0);
});
