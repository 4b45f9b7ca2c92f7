// The self-assessment journey: keyboard only, saving every answer, resuming.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp } from './helpers.mjs';
import { quickCheck } from './seed.mjs';

async function startCheck(page, role, stage, scope) {
  await openApp(page, '/check');
  await page.getByLabel(role).check();
  await page.getByLabel(stage, { exact: true }).check();
  await page.getByLabel(scope).check();
  await page.getByRole('button', { name: 'Start the check' }).click();
  await expect(page.locator('#step-heading')).toBeVisible();
}

test('starting without choices shows an error summary linked to each field', async ({ page }) => {
  await openApp(page, '/check');
  await page.getByRole('button', { name: 'Start the check' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(3);
  // NHS.UK's error summary: the title says so first.
  await expect(page).toHaveTitle('Error: Check my capabilities - MAPs Capability Checker');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: /role/ }).click();
  await expect(page.locator('#role')).toBeFocused();
  await page.getByRole('link', { name: 'About', exact: true }).first().click();
  await expect(page).toHaveTitle('About - MAPs Capability Checker');
});

test('a quick check can be completed with the keyboard alone', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the keyboard journey runs at phone size');
  await openApp(page, '/check');
  // Reach the first role radio by tabbing, as a keyboard user would.
  await page.locator('#role').focus();
  await page.keyboard.press('Space');
  await page.locator('#stage').focus();
  await page.keyboard.press('ArrowDown'); // newly qualified
  await page.locator('#scope').focus();
  await page.keyboard.press('Space'); // quick
  await page.getByRole('button', { name: 'Start the check' }).focus();
  await page.keyboard.press('Enter');
  const heading = page.locator('#step-heading');
  await expect(heading).toBeFocused();
  const total = quickCheck('pa').length;
  for (let step = 1; step <= total; step += 1) {
    await expect(page.getByText(`Question ${step} of ${total}`, { exact: true })).toBeVisible();
    await page.locator('#rating-3').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('#rating-3')).toBeChecked();
    await page.getByRole('button', { name: /^Next/ }).focus();
    await page.keyboard.press('Enter');
    await expect(heading).toBeFocused();
  }
  await expect(heading).toHaveText('Review your answers');
  await expect(page.getByText(`You have answered ${total} of ${total} questions.`)).toBeVisible();
  // Every answer is listed, worded as the question offered it, with a way back to change it.
  const answers = page.locator('.nhsuk-summary-list__row');
  await expect(answers).toHaveCount(total);
  await expect(answers.first().locator('dd').first()).toHaveText(/^3 \(.+\)$/);
  // A change returns straight to the review, from any question.
  const first = quickCheck('pa')[0].title;
  await page.getByRole('button', { name: `Change your answer for ${first}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Question 1 of ${total}`, { exact: true })).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.locator('#rating-3')).toBeChecked();
  await page.locator('#rating-2').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Return to your answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('Review your answers');
  await expect(answers.first().locator('dd').first()).toHaveText(/^2 \(.+\)$/);
  // Leaving at the review and coming back with "Continue" reopens the review.
  await page.goto(page.url().replace(/\/check\/.*/, '/'));
  await page.getByRole('link', { name: 'Continue your check' }).click();
  await expect(heading).toHaveText('Review your answers');
  await expect(heading).toBeFocused();
  await page.getByRole('button', { name: 'Finish and see results' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/results\//);
});

test('a reload part-way resumes at the same item with every answer intact', async ({ page, browser }) => {
  await startCheck(page, 'Surgical care practitioner (SCP)', 'Experienced', 'Quick check');
  // Numbered as results show them, so "3" there is the choice made here.
  await page.getByLabel('3 (with indirect supervision)', { exact: true }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Not applicable').check();
  await page.getByLabel('Notes or evidence (optional)').fill('Logbook, 12 cases');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const third = await page.locator('#step-heading').textContent();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.locator('#step-heading')).toHaveText(third);
  await expect(page.getByText(`Question 3 of ${quickCheck('scp').length}`)).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Not applicable')).toBeChecked();
  await expect(page.getByLabel('Notes or evidence (optional)')).toHaveValue('Logbook, 12 cases');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('With indirect supervision')).toBeChecked();

  // A new browser context given the same stored state lists the assessment.
  const state = await page.context().storageState();
  const other = await browser.newContext({ storageState: state });
  const otherPage = await other.newPage();
  await openApp(otherPage, '/check');
  await expect(otherPage.getByRole('heading', { name: /Surgical care practitioner, quick check/ })).toBeVisible();
  await expect(otherPage.getByText(`2 of ${quickCheck('scp').length} answered`)).toBeVisible();
  await other.close();
});

for (const [role, label] of [
  ['pa', 'Physician associate (PA)'],
  ['aa', 'Anaesthesia associate (AA)'],
  ['scp', 'Surgical care practitioner (SCP)'],
  ['accp', 'Advanced critical care practitioner (ACCP)'],
]) {
  test(`a full check can be completed for ${role}`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'full checks run once, at desktop size');
    // About fifty questions, each answered and saved: three times the
    // usual time, so a busy machine does not fail it.
    test.slow();
    await startCheck(page, label, 'Newly qualified', 'Full check');
    const total = Number((await page.getByText(/Question 1 of \d+/).textContent()).match(/of (\d+)/)[1]);
    expect(total).toBeGreaterThanOrEqual(40);
    for (let step = 1; step <= total; step += 1) {
      await page.locator(`#rating-${(step % 4) + 1}`).check();
      await page.getByRole('button', { name: /^Next/ }).click();
    }
    await expect(page.getByText(`You have answered ${total} of ${total} questions.`)).toBeVisible();
    await page.getByRole('button', { name: 'Finish and see results' }).click();
    await expect(page).toHaveURL(/\/results\//);
  });
}

test('typing a note keeps the cursor in the box and saves every keystroke', async ({ page }) => {
  await startCheck(page, 'Physician associate (PA)', 'Newly qualified', 'Quick check');
  await page.getByLabel('With direct supervision').check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 2 (with direct supervision)' })).toHaveCount(1);
  const note = page.getByLabel('Notes or evidence (optional)');
  await note.click();
  await note.pressSequentially('Case review with my supervisor');
  await expect(note).toBeFocused();
  await expect(note).toHaveValue('Case review with my supervisor');
  await expect(page.locator('.app-progress')).toContainText('· 1 answered');
  await page.reload();
  await expect(page.getByLabel('Notes or evidence (optional)')).toHaveValue('Case review with my supervisor');
});
