// Content 1.1: role pages readable on a phone, the stale-content notice
// once the review-by date has passed, dated wording, and an honest route
// finder. The clock is set with Playwright's clock, never mocked storage.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp, reloadApp } from './helpers.mjs';

const ROLES = ['pa', 'aa', 'scp', 'accp'];
// From src/content/roles.json: checked 2026-11-30, review by 2027-05-30.
const BEFORE_REVIEW = new Date('2026-12-15T12:00:00');
const AFTER_REVIEW = new Date('2027-05-31T12:00:00');
const NOTICE = 'This content may be out of date';

test('a role page is at most six screens tall at 390 by 844', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'screens are counted on the phone');
  for (const role of ROLES) {
    await openApp(page, `/roles/${role}`);
    const { height, screen } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      screen: window.innerHeight,
    }));
    const screens = height / screen;
    testInfo.annotations.push({ type: 'screens', description: `${role}: ${screens.toFixed(2)}` });
    expect(screens, `${role} is ${height}px tall`).toBeLessThanOrEqual(6);
  }
});

test('the Leng Review is explained once on a PA page and links to its report', async ({ page }) => {
  // axe runs twice over the longest role page.
  test.setTimeout(60_000);
  await openApp(page, '/roles/pa');
  await expect(page.getByText('The Leng Review, an independent review of the PA and AA roles')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Read the Leng Review final report (GOV.UK)' }))
    .toHaveAttribute('href', /gov\.uk\/government\/publications\/independent-review/);
  await expectNoAxeViolations(page);
  // A reference number unfolds the list and moves to its source.
  await page.locator('.app-refs a').first().click();
  await expect(page.locator('#sources')).toHaveAttribute('open', '');
  await expect(page.locator('#ref-1')).toBeFocused();
  await expectNoAxeViolations(page);
});

test('no page shows the stale-content notice before the review-by date', async ({ page }) => {
  await page.clock.setFixedTime(BEFORE_REVIEW);
  for (const path of ['/', '/roles/pa', '/capabilities', '/my-data']) {
    await openApp(page, path);
    await expect(page.getByText(NOTICE)).toHaveCount(0);
  }
});

test('every page shows the stale-content notice after the review-by date', async ({ page }) => {
  await page.clock.setFixedTime(AFTER_REVIEW);
  for (const path of ['/', '/roles', '/roles/aa', '/roles/route-finder', '/capabilities', '/check', '/my-data', '/about']) {
    await openApp(page, path);
    const notice = page.locator('.app-stale');
    await expect(notice, path).toContainText(NOTICE);
    await expect(notice).toContainText('last checked on 30 November 2026');
    await expect(notice).toContainText('Rules, titles and pay may have changed');
  }
  await expectNoAxeViolations(page);
});

test('the transition period is worded for the day on the device', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-31T12:00:00'));
  await openApp(page, '/roles/pa');
  await expect(page.locator('#section-regulation').locator('xpath=..')).toContainText('will be an offence');
  await page.clock.setFixedTime(new Date('2027-01-01T12:00:00'));
  await reloadApp(page);
  await expect(page.locator('#section-regulation').locator('xpath=..')).toContainText('is now an offence');
});

test('a graduate sees "it depends on your degree" for AA, and a 2:1 tick does not carry over', async ({ page }) => {
  await openApp(page, '/roles/route-finder');
  await page.getByLabel('Graduate in a life or health science').check();
  const aa = page.locator('.app-route[data-role="aa"]');
  await expect(aa.locator('.nhsuk-tag')).toHaveText('Another step first');
  await expect(aa).toContainText('It depends on your degree');
  await expect(aa).toContainText('remains paused');
  await page.getByLabel('I have a degree in a biomedical or biological science at 2:1 or above').check();
  await expect(aa.locator('.nhsuk-tag')).toHaveText('You meet the entry requirements');
  await page.getByLabel('Registered nurse').check();
  await expect(page.getByLabel('I have a degree in a biomedical or biological science at 2:1 or above')).not.toBeChecked();
  await expect(aa.locator('.nhsuk-tag')).toHaveText('Another step first');
  await expect(page.locator('.app-routes')).not.toContainText(/\bOpen now\b|open to you/);
});
