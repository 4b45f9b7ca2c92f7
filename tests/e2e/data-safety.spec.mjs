// Nothing entered is lost silently: two tabs, corrupt values, no foreign requests.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp, reloadApp, watchForeignRequests } from './helpers.mjs';
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
  // A box with focus, whose text is all saved, shows the other tab's text
  // at once, so typing there adds to it.
  await note(page).focus();
  await note(second).fill('changed in the second tab');
  await expect.poll(() => storedNote(page, items[0].id)).toBe('changed in the second tab');
  await expect(note(page)).toHaveValue('changed in the second tab');
  await expect(page.locator('#note-info')).toHaveText(/^Changed in another tab\. You have/);
});

/** The note stored on `capability` of the assessment `shared`. */
function storedNote(page, capability) {
  return page.evaluate((id) => JSON.parse(localStorage.getItem('mapscc/assessment/shared')).data.answers[id]?.[2], capability);
}

/** An unfinished check `shared`, opened from the home page's link. */
async function openUnfinishedCheck(page) {
  const unfinished = JSON.parse(assessmentRecord({ id: 'shared', role: 'aa', ratings: {} }));
  unfinished.data.finished_at = null;
  await seed(page, { 'mapscc/assessment/shared': JSON.stringify(unfinished) });
  await openApp(page, '/');
  await page.getByRole('link', { name: 'Continue your check' }).click();
  await expect(page.locator('#step-heading')).toHaveText(quickCheck('aa')[0].title);
}

/** Answers each dialog as `choices` says, in turn, and lists what was asked. */
function answerDialogs(page, choices) {
  const asked = [];
  page.on('dialog', async (dialog) => {
    const accept = choices[asked.length] ?? false;
    asked.push(dialog.type());
    await (accept ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

test('typing in turn in a note that has focus in two tabs keeps both tabs\' words (fresh-user trial)', async ({ page, context }) => {
  const items = quickCheck('aa');
  const second = await twoTabsOnOneCheck(page, context);
  const note = (tab) => tab.getByLabel('Notes or evidence (optional)');
  await note(page).fill('N1');
  await expect(note(second)).toHaveValue('N1');
  await note(second).focus();
  await note(second).press('End');
  await note(second).pressSequentially(' B1');
  await expect(note(page)).toHaveValue('N1 B1');
  // Both boxes keep focus; each tab types in turn. Before, the second
  // tab's box went on showing 'N1 B1' and its typing saved over ' A1'.
  await note(page).focus();
  await note(page).press('End');
  await note(page).pressSequentially(' A1');
  await expect(note(second)).toHaveValue('N1 B1 A1');
  await note(second).press('End');
  await note(second).pressSequentially(' B2');
  await expect.poll(() => storedNote(page, items[0].id)).toBe('N1 B1 A1 B2');
  await expect(note(page)).toHaveValue('N1 B1 A1 B2');
});

test('a note saved in another tab while this one holds unsaved text is shown beside it, and the person chooses', async ({ page, context }) => {
  const items = quickCheck('aa');
  const second = await twoTabsOnOneCheck(page, context);
  const note = (tab) => tab.getByLabel('Notes or evidence (optional)');
  const choice = page.locator('.app-character-count__theirs');
  // Text over the limit is not saved; the other tab saves its own note.
  const long = 'x'.repeat(3_001);
  await note(page).fill(long);
  await note(second).fill('from the second tab');
  await expect(choice).toContainText('What you typed here is not saved yet. The other tab saved:');
  await expect(choice.locator('.app-character-count__text')).toHaveText('from the second tab');
  // The choice is the error now, before the length (which the count still
  // gives), and the box is described by both texts (fresh-user trial: the
  // error stayed the length one, and nothing was announced).
  await expect(page.locator('#note-error')).toContainText('Your note was changed in another tab while you were typing here. Choose which to keep.');
  await expect(page.locator('#note-info')).toHaveText('You have 1 character too many');
  await expect(note(page)).toHaveAttribute('aria-describedby', 'note-hint note-error note-theirs note-info');
  await expect(note(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(note(page)).toHaveValue(long);
  await expectNoAxeViolations(page);
  // Shortened, it is still not saved over the other tab's note unseen.
  await note(page).fill('mine, shorter');
  await expect(page.locator('#note-error')).toContainText('Your note was changed in another tab while you were typing here. Choose which to keep.');
  expect(await storedNote(page, items[0].id)).toBe('from the second tab');
  const heading = await page.locator('#step-heading').textContent();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator('#step-heading')).toHaveText(heading);
  await expect(note(page)).toBeFocused();
  await page.getByRole('button', { name: 'Keep what I typed here' }).click();
  await expect(choice).toHaveCount(0);
  await expect(page.locator('#note-error')).toHaveCount(0);
  await expect(note(page)).toBeFocused();
  await expect.poll(() => storedNote(page, items[0].id)).toBe('mine, shorter');
  await expect(note(second)).toHaveValue('mine, shorter');
  // Once more, and this time the other tab's version is taken.
  await note(page).fill(long);
  await note(second).fill('the second tab again');
  await page.getByRole('button', { name: "Use the other tab's version" }).click();
  await expect(note(page)).toHaveValue('the second tab again');
  await expect(page.locator('#note-error')).toHaveCount(0);
  await expect(note(page)).toBeFocused();
  expect(await storedNote(page, items[0].id)).toBe('the second tab again');
});

test('a choice between two notes follows the other tab: gone when it goes back to the note this tab last showed (fresh-user trial)', async ({ page, context }) => {
  const items = quickCheck('aa');
  const second = await twoTabsOnOneCheck(page, context);
  const note = (tab) => tab.getByLabel('Notes or evidence (optional)');
  const theirs = page.locator('.app-character-count__theirs .app-character-count__text');
  await note(page).fill('agreed');
  await expect(note(second)).toHaveValue('agreed');
  const long = 'x'.repeat(3_001);
  await note(page).fill(long);
  await note(second).fill('first change');
  await expect(theirs).toHaveText('first change');
  await note(second).fill('second change');
  await expect(theirs).toHaveText('second change');
  // Back to what this tab last showed: there is nothing left to choose
  // between (before, the panel went on offering 'second change').
  await note(second).fill('agreed');
  await expect(theirs).toHaveCount(0);
  await expect(page.locator('#note-error')).toContainText('Your note must be 3,000 characters or fewer');
  await note(page).fill('mine after all');
  await expect.poll(() => storedNote(page, items[0].id)).toBe('mine after all');
  await expect(note(second)).toHaveValue('mine after all');
});

test('a note that is not saved is not lost by a link, Back or a reload: each asks first (fresh-user trial)', async ({ page }) => {
  const items = quickCheck('aa');
  await openUnfinishedCheck(page);
  const note = page.getByLabel('Notes or evidence (optional)');
  const long = 'x'.repeat(3_001);
  await note.fill(long);
  await note.press('End');
  const questions = [];
  const answer = (accept) => page.once('dialog', async (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message()}`);
    await (accept ? dialog.accept() : dialog.dismiss());
  });
  // A link in the header: Cancel stays, with the text in place.
  answer(false);
  await page.getByRole('link', { name: 'Explore roles' }).click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toBe('confirm: Leave this page? Your note is not saved, so what you typed there will be lost.');
  await expect(page.locator('#step-heading')).toHaveText(items[0].title);
  await expect(note).toHaveValue(long);
  // The browser's Back: Cancel returns to this page's entry.
  answer(false);
  await page.goBack();
  await expect.poll(() => questions.length).toBe(2);
  await expect(page).toHaveURL(/\/check\/shared$/);
  await expect(page.locator('#step-heading')).toHaveText(items[0].title);
  await expect(note).toHaveValue(long);
  // A reload brings up the browser's own question.
  answer(false);
  await page.evaluate(() => setTimeout(() => location.reload(), 0));
  await expect.poll(() => questions.length).toBe(3);
  expect(questions[2]).toMatch(/^beforeunload/);
  await expect(note).toHaveValue(long);
  // Once the note is saved, leaving asks nothing; Back goes back.
  await note.fill('short enough');
  await expect.poll(() => storedNote(page, items[0].id)).toBe('short enough');
  await page.goBack();
  await expect(page.getByRole('link', { name: 'Continue your check' })).toBeVisible();
  expect(questions).toHaveLength(3);
  // And OK on a link leaves without the unsaved text, as asked.
  await page.goForward();
  await note.fill(long);
  answer(true);
  await page.getByRole('link', { name: 'Explore roles' }).click();
  await expect(page).toHaveURL(/\/roles$/);
  expect(await storedNote(page, items[0].id)).toBe('short enough');
});

test('staying after Back is asked once and stays, after a reload too and across a jump of two entries (fresh-user trial)', async ({ page }) => {
  await openUnfinishedCheck(page);
  const note = page.getByLabel('Notes or evidence (optional)');
  const long = 'x'.repeat(3_001);
  const asked = answerDialogs(page, []);
  // After a reload (before, the keys of the entries began again, and
  // Cancel stepped further back, asking once per step).
  await reloadApp(page);
  await note.fill(long);
  await note.press('End');
  await page.evaluate(() => history.back());
  await expect.poll(() => asked.length).toBe(1);
  await expect(page).toHaveURL(/\/check\/shared$/);
  // Two entries at once, as picked from Back's list.
  await note.fill('short');
  await page.getByRole('link', { name: 'Explore roles' }).click();
  await page.getByRole('link', { name: 'About' }).first().click();
  await page.evaluate(() => history.go(-2));
  await expect(note).toHaveValue('short');
  await note.fill(long);
  await page.evaluate(() => history.go(2));
  await expect.poll(() => asked.length).toBe(2);
  await expect(page).toHaveURL(/\/check\/shared$/);
  await note.fill('short again');
  await page.evaluate(() => history.back());
  await expect(page.getByRole('link', { name: 'Continue your check' })).toBeVisible();
  expect(asked).toEqual(['confirm', 'confirm']);
});

test('a choice between two notes still asks before leaving when the box is put back to the note it showed (fresh-user trial)', async ({ page, context }) => {
  const second = await twoTabsOnOneCheck(page, context);
  const note = (tab) => tab.getByLabel('Notes or evidence (optional)');
  await note(page).fill('X');
  await expect(note(second)).toHaveValue('X');
  await note(page).fill('x'.repeat(3_001));
  await note(second).fill('important, from the second tab');
  await expect(page.locator('.app-character-count__theirs')).toBeVisible();
  await note(page).fill('X');
  const asked = answerDialogs(page, []);
  await page.getByRole('link', { name: 'Explore roles' }).click();
  await expect.poll(() => asked.length).toBe(1);
  await expect(page.locator('.app-character-count__text')).toHaveText('important, from the second tab');
});

test('a check removed in another tab while open says so, saves nothing as if saved, and keeps the text (fresh-user trial)', async ({ page, context }) => {
  const second = await twoTabsOnOneCheck(page, context);
  const note = page.getByLabel('Notes or evidence (optional)');
  await note.fill('saved before');
  await expect.poll(() => storedNote(page, quickCheck('aa')[0].id)).toBe('saved before');
  const long = 'x'.repeat(3_001);
  await note.fill(long);
  await second.evaluate(() => localStorage.removeItem('mapscc/assessment/shared'));
  await expect(page.getByRole('alert').filter({ hasText: 'This assessment was removed' })).toBeVisible();
  // Not "the other tab emptied it": nothing to choose, the text stays.
  await expect(page.locator('.app-character-count__theirs')).toHaveCount(0);
  await expect(note).toHaveValue(long);
  await note.fill('shortened, with nowhere to go');
  await expect(page.locator('#note-error')).toContainText('Your note cannot be saved: this assessment was removed in another tab or window.');
  await page.getByLabel('With direct supervision').check();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: this assessment was removed' })).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('mapscc/assessment/shared'))).toBeNull();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(note).toBeFocused();
  const asked = answerDialogs(page, [true]);
  await page.getByRole('link', { name: 'Explore roles' }).click();
  await expect.poll(() => asked.length).toBe(1);
  await expect(page).toHaveURL(/\/roles$/);
});

test('a box put back to the note it last saved lets the person move on from a removed check (fresh-user trial)', async ({ page, context }) => {
  const second = await twoTabsOnOneCheck(page, context);
  const note = page.getByLabel('Notes or evidence (optional)');
  await note.fill('saved');
  await expect.poll(() => storedNote(page, quickCheck('aa')[0].id)).toBe('saved');
  await second.evaluate(() => localStorage.removeItem('mapscc/assessment/shared'));
  await expect(page.getByRole('alert').filter({ hasText: 'This assessment was removed' })).toBeVisible();
  await note.press('End');
  await note.press('X');
  await expect(page.locator('#note-error')).toContainText('Your note cannot be saved');
  await note.press('Backspace');
  await expect(page.locator('#note-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assessment not found');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('moving on in a check removed in another tab shows that it is not found, not an empty page', async ({ page, context }) => {
  const second = await twoTabsOnOneCheck(page, context);
  await second.evaluate(() => localStorage.removeItem('mapscc/assessment/shared'));
  await expect(page.getByRole('alert').filter({ hasText: 'This assessment was removed' })).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assessment not found');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectNoAxeViolations(page);
});

test('the count is announced once typing pauses, not at every key', async ({ page }) => {
  await seed(page, { 'mapscc/assessment/shared': assessmentRecord({ id: 'shared', role: 'aa', ratings: {} }) });
  await openApp(page, '/check/shared');
  const group = page.locator('.nhsuk-character-count');
  // The visible count describes the box; one hidden live region speaks.
  await expect(page.locator('#note-info')).not.toHaveAttribute('aria-live');
  await expect(group.locator('[aria-live]')).toHaveCount(1);
  await page.getByLabel('Notes or evidence (optional)').pressSequentially('abc');
  await expect(group.locator('[aria-live="polite"]')).toHaveText('You have 2,997 characters remaining');
});

test('a note another tab saved that this tab has not yet heard of is not written over', async ({ page }) => {
  const items = quickCheck('aa');
  await seed(page, { 'mapscc/assessment/shared': assessmentRecord({ id: 'shared', role: 'aa', ratings: {} }) });
  await openApp(page, '/check/shared');
  const note = page.getByLabel('Notes or evidence (optional)');
  await note.fill('seen here');
  await expect.poll(() => storedNote(page, items[0].id)).toBe('seen here');
  // Written straight to storage, as by a tab whose storage event has not
  // arrived yet (a page gets no storage event for its own writes).
  await page.evaluate((id) => {
    const record = JSON.parse(localStorage.getItem('mapscc/assessment/shared'));
    const answer = record.data.answers[id];
    record.data.answers[id] = [answer[0], answer[1] + 60_000, 'saved elsewhere'];
    localStorage.setItem('mapscc/assessment/shared', JSON.stringify(record));
  }, items[0].id);
  await note.pressSequentially(', and more');
  await expect(page.locator('.app-character-count__text')).toHaveText('saved elsewhere');
  expect(await storedNote(page, items[0].id)).toBe('saved elsewhere');
  await expect(note).toHaveValue('seen here, and more');
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
