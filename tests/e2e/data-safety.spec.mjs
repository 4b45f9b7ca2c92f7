// Nothing entered is lost silently: two tabs, corrupt values, no foreign requests.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp, watchForeignRequests } from './helpers.mjs';
import { assessmentRecord, quickCheck, seed } from './seed.mjs';

/** The same unanswered quick check open in `page` and in a second tab. */
async function twoTabsOnOneCheck(page, context) {
  await seed(page, { 'mapscc/assessment/shared': assessmentRecord({ id: 'shared', role: 'aa', ratings: {} }) });
  await openApp(page, '/check/shared');
  const second = await context.newPage();
  await openApp(second, '/check/shared');
  return second;
}

test('two pages of one browser editing different items both persist', async ({ page, context }) => {
  const items = quickCheck('aa');
  const second = await twoTabsOnOneCheck(page, context);
  // Page one rates the first item; page two, still on the first item's
  // screen, jumps to the second and rates it.
  await page.getByLabel('With direct supervision').check();
  await second.getByRole('button', { name: 'Skip' }).click();
  await second.getByLabel('Consistently, within my supervision').check();
  await expect(page.locator('.app-progress')).toContainText('· 2 answered');
  // The position is shared too: after a reload page one resumes where the
  // latest change was made, with both answers in place.
  await page.reload();
  await expect(page.getByLabel('Consistently, within my supervision')).toBeChecked();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('With direct supervision')).toBeChecked();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mapscc/assessment/shared')));
  // Each answer is stored as [rating, updated_at] (since format version 3).
  expect(stored.version).toBe(5);
  expect(stored.data.answers[items[0].id][0]).toBe(2);
  expect(stored.data.answers[items[1].id][0]).toBe(4);
});

test('a question open in two tabs shows the rating given in the other, and so does the review', async ({ page, context }) => {
  const items = quickCheck('aa');
  const second = await twoTabsOnOneCheck(page, context);
  await page.getByLabel('With direct supervision').check();
  await expect(second.getByLabel('With direct supervision')).toBeChecked();
  await second.getByLabel('Consistently, within my supervision').check();
  await expect(page.getByLabel('Consistently, within my supervision')).toBeChecked();
  await expect(page.getByLabel('With direct supervision')).not.toBeChecked();
  // The review open in one tab follows a change made in the other.
  await second.getByText('Jump to a domain or to unanswered questions').click();
  await second.getByRole('button', { name: 'Review and finish' }).click();
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Review your answers');
  await expect(second.getByText(`You have answered 1 of ${items.length} questions.`)).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Not applicable').check();
  await expect(second.getByText(`You have answered 2 of ${items.length} questions.`)).toBeVisible();
  await expect(second.locator('.nhsuk-summary-list__value')).toHaveText([/^4 \(/, /^not applicable$/i]);
  // Focus on the review's heading, where it opened, stays there.
  const heading = second.getByRole('heading', { level: 1 });
  await heading.focus();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('With direct supervision').check();
  await expect(second.getByText(`You have answered 3 of ${items.length} questions.`)).toBeVisible();
  await expect(heading).toBeFocused();
});

test('a note saved in one tab shows in the other, and is not overwritten there unseen (fresh-user trial)', async ({ page, context }) => {
  const items = quickCheck('aa');
  const second = await twoTabsOnOneCheck(page, context);
  const note = (tab) => tab.getByLabel('Notes or evidence (optional)');
  await note(page).fill('from the first tab');
  await note(page).blur();
  await expect(note(second)).toHaveValue('from the first tab');
  // Typed here, added to what the other tab saved.
  await note(second).press('End');
  await note(second).pressSequentially(', and the second');
  await expect(note(page)).toHaveValue('from the first tab, and the second');
  // A box being typed in is never overwritten by the other tab.
  await note(page).focus();
  await note(second).fill('changed in the second tab');
  await expect.poll(() => page.evaluate((id) => JSON.parse(localStorage.getItem('mapscc/assessment/shared')).data.answers[id][2], items[0].id))
    .toBe('changed in the second tab');
  await expect(note(page)).toHaveValue('from the first tab, and the second');
});

test('every stored value corrupted leaves the app usable with the corrupt copies kept', async ({ page }) => {
  await seed(page, {
    'mapscc/profiles': 'this is not json',
    'mapscc/assessment/broken': '{"app":"maps-capability-checker","kind":"assessment","version":3,"data":{"id":3}}',
    'mapscc/route-finder': '\u0000\u0001garbage',
  });
  await openApp(page, '/');
  await expect(page.getByText('Some saved data could not be read')).toBeVisible();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mapscc/quarantine/')));
  expect(kept.length).toBeGreaterThanOrEqual(2);
  await expectNoAxeViolations(page);
  await openApp(page, '/my-data');
  await expect(page.getByRole('heading', { name: 'Data that could not be read' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download mapscc\/quarantine\/.*profiles/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/profiles\.txt$/);
  // The app still works: a check can be started.
  await openApp(page, '/check');
  await page.getByLabel('Physician associate (PA)').check();
  await page.getByLabel('Experienced', { exact: true }).check();
  await page.getByLabel('Quick check').check();
  await page.getByRole('button', { name: 'Start the check' }).click();
  await expect(page.locator('#step-heading')).toBeVisible();
});

test('clearing the device asks first, offers a backup, then removes everything', async ({ page }) => {
  await seed(page, { 'mapscc/assessment/x': assessmentRecord({ id: 'x', role: 'scp', ratings: {} }) });
  await openApp(page, '/my-data');
  await page.getByRole('button', { name: 'Clear this device' }).click();
  await expect(page.getByRole('button', { name: 'Download a backup first' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, remove everything' }).click();
  await expect(page.getByText('Everything this app stored in this browser has been removed.')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mapscc')).length)).toBe(0);
});

test('a whole journey makes no request to another origin', async ({ page }) => {
  const foreign = watchForeignRequests(page);
  for (const path of ['/', '/roles', '/roles/accp', '/capabilities', '/check', '/results', '/my-data', '/about', '/about/sources']) {
    await openApp(page, path);
  }
  await openApp(page, '/check');
  await page.getByLabel('Anaesthesia associate (AA)').check();
  await page.getByLabel('Newly qualified', { exact: true }).check();
  await page.getByLabel('Quick check').check();
  await page.getByRole('button', { name: 'Start the check' }).click();
  await page.getByLabel('With indirect supervision').check();
  expect(foreign).toEqual([]);
});
