// Supervisor review (issue 22): on the practitioner's device from start to
// print, and by file between two browsers, with axe on every new state.
import { expect, test } from './fixtures.mjs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations, openApp } from './helpers.mjs';
import { assessmentRecord, framework, quickCheck, seed } from './seed.mjs';

const items = quickCheck('pa');
// First item not applicable, every other rated 2.
const ratings = Object.fromEntries(items.map((c, i) => [c.id, i === 0 ? 'n/a' : 2]));
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const NOTE = 'My private logbook note';

/** The seeded assessment, with a note on its second item. */
function seededRecord(id = 'seeded') {
  const record = JSON.parse(assessmentRecord({ id, role: 'pa', ratings }));
  record.data.answers[items[1].id].push(NOTE);
  return JSON.stringify(record);
}

/** Clicks the button and saves what it downloads: `{ file, name }`, the saved path and the name the app gave it. */
async function saveDownload(page, buttonName, prefix) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const file = join(tmpdir(), `${prefix}-${test.info().workerIndex}-${Date.now()}.json`);
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

/** Chooses the supervisor's rating labelled `label`. */
async function choose(page, label) {
  await page.getByLabel(label, { exact: true }).check();
}

// Numbered as the practitioner's choices and results are: "2 (with direct supervision)".
const numbered = (level) => `${level} (${framework.scale.find((each) => each.level === level).label.toLowerCase()})`;
const LEVEL_2 = numbered(2);
const LEVEL_3 = numbered(3);

/** Rates every item: the first not observed, the second 3 with a comment, the rest 2. */
async function walkThrough(page) {
  // The action comes first, in reading and tab order; cancelling after it.
  const buttons = page.locator('.app-step-buttons button');
  await expect(buttons).toHaveText(['Start the review', 'Cancel this review']);
  await page.getByRole('button', { name: 'Start the review' }).click();
  for (let index = 0; index < items.length; index += 1) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(items[index].title);
    await expect(page.locator('#review-heading')).toBeFocused();
    if (index === 0) {
      // The practitioner's rating stays hidden until the supervisor rates.
      await expect(page.getByText('Their own rating is shown once you have rated this capability.')).toBeVisible();
      // The capability and the scale are written to the practitioner: the
      // supervisor reads them as the practitioner's; level 4 says "the agreed", not "my".
      await expect(page.locator('main p.nhsuk-body-l')).toHaveText(/^As they read it: “.+”$/);
      await expect(page.getByLabel('4 (consistently, within the agreed supervision)', { exact: true })).toBeVisible();
      await expect(page.getByText('within my supervision', { exact: false })).toHaveCount(0);
      await expectNoAxeViolations(page);
      await choose(page, 'Not observed');
      await expect(page.getByText('Their own rating: not applicable.')).toBeVisible();
    } else if (index === 1) {
      await choose(page, LEVEL_3);
      await page.getByLabel('Comment (optional)').fill('Seen leading a handover');
    } else {
      await choose(page, LEVEL_2);
    }
    const last = index === items.length - 1;
    await page.getByRole('button', { name: last ? 'Next: confirm' : 'Next', exact: true }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your review' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm review' }).click();
  await expect(page.locator('#review-errors')).toBeFocused();
  await expect(page.locator('#review-errors')).toContainText('Enter your name');
  await expectNoAxeViolations(page);
  await page.getByLabel('Your name').fill('Dr Ada Jones');
  await page.getByLabel('Your role').fill('Consultant physician');
  await page.getByLabel('Registration number (optional)').fill('GMC 1234567');
  await page.getByRole('button', { name: 'Confirm review' }).click();
}

test.describe('supervisor review', () => {
  test.skip(({ isMobile }) => !isMobile, 'journeys at phone width (390 px)');
  // Long journeys with axe on every state: slower than one page's checks.
  test.describe.configure({ timeout: 240_000 });

  test('a same-device review from start to print', async ({ page }) => {
    await seed(page, { 'mapscc/assessment/seeded': seededRecord() });
    await openApp(page, '/results/seeded');
    await expect(page.getByText('No supervisor has reviewed this assessment yet.')).toBeVisible();
    await page.getByRole('link', { name: 'Ask your supervisor to review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ask your supervisor to review' })).toBeVisible();
    await expect(page.getByLabel('Let my supervisor see my notes')).not.toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Hand this device to your supervisor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Supervisor review' })).toBeVisible();
    await expectNoAxeViolations(page);
    await walkThrough(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Review recorded' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'See the review next to their ratings' }).click();

    await expect(page.getByRole('heading', { name: 'Where you and your supervisor differ (1)' })).toBeVisible();
    await expect(page.getByText('Seen leading a handover')).toBeVisible();
    await expect(page.locator('.app-review-confirmation')).toContainText('Dr Ada Jones');
    await expect(page.locator('.app-review-confirmation')).toContainText('GMC 1234567');
    await expect(page.locator('.app-review-confirmation')).toContainText('None: no rating has changed since the review');
    await expect(page.getByText('It cannot prove who made the review')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => localStorage.getItem('mapscc/review-draft'))).toBeNull();

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-review-confirmation')).toBeVisible();
    await expect(page.getByText('Fingerprint of the ratings reviewed')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ask for another review' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    // A rating changed after the review says so, and the fingerprint no longer matches.
    await page.evaluate((id) => {
      const record = JSON.parse(localStorage.getItem('mapscc/assessment/seeded'));
      record.data.answers[id] = [4, Date.now()];
      localStorage.setItem('mapscc/assessment/seeded', JSON.stringify(record));
    }, items[2].id);
    await page.reload();
    await expect(page.getByText(/Changed since review: now 4/)).toBeVisible();
    await expect(page.locator('.app-review-confirmation')).toContainText('1 changed since review');
    await expectNoAxeViolations(page);
  });

  test('a review by file between two browsers leaves the supervisor\u2019s own data untouched', async ({ browser }) => {
    const practitionerContext = await browser.newContext(PHONE);
    const supervisorContext = await browser.newContext(PHONE);
    const practitioner = await practitionerContext.newPage();
    const supervisor = await supervisorContext.newPage();
    await seed(practitioner, {
      'mapscc/assessment/seeded': seededRecord(),
      'mapscc/assessment/other': assessmentRecord({ id: 'other', role: 'pa', ratings, createdAt: 1763000000000 }),
    });
    await seed(supervisor, {
      'mapscc/assessment/mine': assessmentRecord({ id: 'mine', role: 'aa', ratings: {} }),
    });

    await openApp(practitioner, '/results/seeded/review');
    // The default profile's name, "Me", would tell the supervisor nothing.
    await expect(practitioner.getByLabel('Your name')).toHaveValue('');
    await practitioner.getByLabel('Your name').fill('Sam Okafor ');
    const { file: request, name: requestName } = await saveDownload(practitioner, 'Send a review file', 'review-request');
    // Named for whose check it is, so a supervisor with several can tell them apart.
    expect(requestName).toMatch(/^maps-review-request-sam-okafor-pa-\d{4}-\d{2}-\d{2}\.json$/);
    const requestText = readFileSync(request, 'utf8');
    expect(JSON.parse(requestText).kind).toBe('review-request');
    expect(requestText).not.toContain(NOTE);
    await expect(practitioner.getByText('Review request downloaded.')).toBeVisible();
    await expectNoAxeViolations(practitioner);
    // The name is kept as the profile's, so the next request has it already.
    await openApp(practitioner, '/results/other/review');
    await expect(practitioner.getByLabel('Your name')).toHaveValue('Sam Okafor');

    await openApp(supervisor, '/');
    await supervisor.getByRole('link', { name: 'Review a colleague\u2019s assessment' }).click();
    await expect(supervisor.getByRole('heading', { level: 1, name: 'Review a colleague\u2019s assessment' })).toBeVisible();
    const before = await supervisor.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    await supervisor.getByLabel('Review request file').setInputFiles({
      name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": '),
    });
    await expect(supervisor.locator('#request-file-error')).toContainText('not a review request from this app');
    await expectNoAxeViolations(supervisor);
    await supervisor.getByLabel('Review request file').setInputFiles(request);
    await expect(supervisor.getByRole('heading', { level: 1, name: 'Supervisor review' })).toBeVisible();
    await expect(supervisor.getByText('Not included')).toBeVisible();
    await expect(supervisor.locator('.nhsuk-summary-list__row', { hasText: 'Practitioner' })).toContainText('Sam Okafor');
    await walkThrough(supervisor);
    await expect(supervisor.getByRole('heading', { level: 1, name: 'Send your review back' })).toBeVisible();
    await expectNoAxeViolations(supervisor);
    const { file: response, name: responseName } = await saveDownload(supervisor, 'Download the review response', 'review-response');
    expect(responseName).toMatch(/^maps-review-response-sam-okafor-pa-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(supervisor.getByRole('heading', { level: 1, name: 'Review response downloaded' })).toBeVisible();
    await expect(supervisor.getByText(`Send the file ${responseName} back`)).toBeVisible();
    await expectNoAxeViolations(supervisor);
    // A download gone astray can be made again while the page is open.
    const again = await saveDownload(supervisor, 'Download the review response again', 'review-response-again');
    expect(again.name).toBe(responseName);
    expect(readFileSync(again.file, 'utf8')).toBe(readFileSync(response, 'utf8'));
    const after = await supervisor.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    expect(after).toBe(before);
    await supervisor.reload();
    await expect(supervisor.getByRole('heading', { level: 1, name: 'Review a colleague\u2019s assessment' })).toBeVisible();

    // A response for another assessment is explained and changes nothing.
    await openApp(practitioner, '/results/other/review');
    await practitioner.getByLabel('Review response file').setInputFiles(response);
    await expect(practitioner.locator('#response-file-error')).toContainText('for a different assessment');
    await expectNoAxeViolations(practitioner);
    // Their own request, picked by mistake, is named in words.
    await practitioner.getByLabel('Review response file').setInputFiles(request);
    await expect(practitioner.locator('#response-file-error')).toHaveText(/This is a review request file from this app, not a review response\./);

    await openApp(practitioner, '/results/seeded/review');
    await practitioner.getByLabel('Review response file').setInputFiles(response);
    await expect(practitioner.getByText('Check before importing')).toBeVisible();
    await expect(practitioner.getByText('Review by Dr Ada Jones, Consultant physician')).toBeVisible();
    await expectNoAxeViolations(practitioner);
    await practitioner.getByRole('button', { name: 'Import the review' }).click();
    await expect(practitioner.getByText('Review imported.')).toBeVisible();
    // Focus goes to the outcome, so it is read out and scrolled into view.
    await expect(practitioner.locator('#review-imported')).toBeFocused();
    await practitioner.getByRole('link', { name: 'See it next to your ratings' }).click();
    await expect(practitioner.getByRole('heading', { name: 'Where you and your supervisor differ (1)' })).toBeVisible();
    await expect(practitioner.locator('.app-review-confirmation')).toContainText('By review request and response files');
    await expectNoAxeViolations(practitioner);

    await practitionerContext.close();
    await supervisorContext.close();
  });
});
