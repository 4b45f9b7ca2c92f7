// Issue 18: role-specific quick checks and an honest fit against every role.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp } from './helpers.mjs';
import { assessmentRecord, framework, quickCheck, seed } from './seed.mjs';

test.skip(({ isMobile }) => !isMobile, 'runs at phone size (390 px)');

const domainOrder = framework.domains.map((domain) => domain.id);
/** The capabilities only `role` has, in the app's order (by domain). */
const ownTo = (role) => domainOrder.flatMap((domain) => framework.capabilities.filter(
  (c) => c.domain === domain && Object.keys(c.expected).length === 1 && c.expected[role]));

test('a PA quick check asks about history taking and the role\'s own work', async ({ page }) => {
  await openApp(page, '/check');
  const total = quickCheck('pa').length;
  const fullCount = framework.capabilities.filter((c) => c.expected.pa !== undefined).length;
  // Until a role is chosen the sizes are ranges over the roles; then they are the role's own.
  await expect(page.getByText(/^\d+ (or|to) \d+ capabilities chosen for the role/)).toBeVisible();
  await page.getByLabel('Physician associate (PA)').check();
  await expect(page.getByText(`${total} capabilities chosen for the role`)).toBeVisible();
  await expect(page.getByText(`Every capability for the role: ${fullCount},`)).toBeVisible();
  await page.getByLabel('Experienced', { exact: true }).check();
  await page.getByLabel('Quick check').check();
  await page.getByRole('button', { name: 'Start the check' }).click();
  await expect(page.getByText(`Question 1 of ${total}`, { exact: true })).toBeVisible();
  const titles = [];
  for (let step = 1; step <= total; step += 1) {
    titles.push(await page.locator('#step-heading').textContent());
    await page.getByRole('button', { name: /^Next/ }).click();
  }
  expect(titles).toContain('Taking a focused history');
  expect(titles.filter((title) => ownTo('pa').some((c) => c.title === title)).length).toBeGreaterThanOrEqual(total / 2);
});

test('after a PA quick check the AA fit says what is missing, and the top-up asks exactly those items', async ({ page }) => {
  const ratings = Object.fromEntries(quickCheck('pa').map((c) => [c.id, 3]));
  await seed(page, { 'mapscc/assessment/pa-quick': assessmentRecord({ id: 'pa-quick', role: 'pa', ratings }) });
  await openApp(page, '/results/pa-quick');
  const table = page.getByRole('region', { name: 'Fit with each role' });
  const aaRow = table.getByRole('row', { name: /Anaesthesia associate/ });
  await expect(aaRow).toContainText('Not enough to say');
  await expect(aaRow).not.toContainText('%');
  await expect(table.getByRole('row', { name: /Physician associate/ })).toContainText('%');
  await expect(page.getByText(/Not enough to say: your answers cover \d+ of its \d+ capabilities and 0 of the 13 only this role has\./).first()).toBeVisible();
  // What each role adds to a PA's capabilities, named: a different line for each role.
  const adds = page.getByText(/^Unlike the physician associate role, it has \d+ capabilities of its own, such as “.+” and “.+”\.$/);
  await expect(adds).toHaveCount(3);
  expect(new Set(await adds.allTextContents()).size).toBe(3);
  // The same count as the top-up button's, and one denominator in the table: each role's whole list.
  const aaDetail = page.locator('.app-role-fit__role', { has: page.getByRole('heading', { name: 'Anaesthesia associate' }) });
  await expect(aaDetail).toContainText(`Unlike the physician associate role, it has ${ownTo('aa').length} capabilities of its own`);
  await expect(aaDetail.getByRole('button', { name: `Rate the ${ownTo('aa').length} capabilities this role adds` })).toBeVisible();
  const paCount = framework.capabilities.filter((c) => c.expected.pa !== undefined).length;
  await expect(table.getByRole('row', { name: /Physician associate/ })).toContainText(`of ${paCount}`);
  await expectNoAxeViolations(page);

  const own = ownTo('aa');
  await page.getByRole('button', { name: `Rate the ${own.length} capabilities this role adds` }).first().click();
  const before = quickCheck('pa').length;
  const total = before + own.length;
  for (const [index, capability] of own.entries()) {
    await expect(page.getByText(`Question ${before + index + 1} of ${total}`, { exact: true })).toBeVisible();
    await expect(page.locator('#step-heading')).toHaveText(capability.title);
    await page.getByLabel('With direct supervision').check();
    await page.getByRole('button', { name: /^Next/ }).click();
  }
  await expect(page.locator('#step-heading')).toHaveText('Review your answers');
  await expect(page.getByText(`You have answered ${total} of ${total} questions.`)).toBeVisible();
  // Every earlier answer is still there.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mapscc/assessment/pa-quick')));
  for (const id of Object.keys(ratings)) expect(stored.data.answers[id][0]).toBe(3);
  await page.getByRole('button', { name: 'Finish and see results' }).click();
  await expect(page.getByRole('region', { name: 'Fit with each role' }).getByRole('row', { name: /Anaesthesia associate/ })).toContainText('%');
});

test('an unfinished quick check extends to the full check keeping its answers', async ({ page }) => {
  const first = quickCheck('scp')[0];
  await seed(page, { 'mapscc/assessment/scp-quick': assessmentRecord({ id: 'scp-quick', role: 'scp', ratings: { [first.id]: 4 } }) });
  await openApp(page, '/check/scp-quick');
  await page.getByText('Jump to a domain or to unanswered questions').click();
  await page.getByRole('button', { name: 'Review and finish' }).click();
  await page.getByRole('button', { name: 'Extend to the full check' }).click();
  const full = framework.capabilities.filter((c) => c.expected.scp).length;
  await expect(page.getByText(new RegExp(`^Question \\d+ of ${full}$`))).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mapscc/assessment/scp-quick')));
  expect(stored.data.scope).toBe('full');
  expect(stored.data.answers[first.id][0]).toBe(4);
});

test('results word each level as the role rated it: a PA\'s level 4 is "within my supervision"', async ({ page }) => {
  const pa = Object.fromEntries(quickCheck('pa').map((c) => [c.id, 4]));
  const scp = Object.fromEntries(quickCheck('scp').map((c) => [c.id, 4]));
  await seed(page, {
    'mapscc/assessment/pa-4': assessmentRecord({ id: 'pa-4', role: 'pa', ratings: pa }),
    'mapscc/assessment/scp-4': assessmentRecord({ id: 'scp-4', role: 'scp', ratings: scp }),
  });
  const general = framework.scale.find((level) => level.level === 4).label.toLowerCase();
  await openApp(page, '/results/pa-4');
  const main = page.locator('#maincontent');
  await expect(main).toContainText('your rating 4 (consistently, within my supervision)');
  await expect(main).not.toContainText(`4 (${general})`);
  await openApp(page, '/results/scp-4');
  await expect(main).toContainText(`your rating 4 (${general})`);
  await expect(main).not.toContainText('within my supervision');
});
