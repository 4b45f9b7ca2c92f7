// The evidence and CPD diary (issue 23): entries linked from results, the
// regulator readiness check, the privacy flags and the appraisal print.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp } from './helpers.mjs';
import { assessmentRecord, framework, quickCheck, seed } from './seed.mjs';

const items = quickCheck('pa');
const ratings = Object.fromEntries(items.map((c) => [c.id, 1]));

async function addEntry(page, { title, kind, hours, participatory = false, date }) {
  await page.getByLabel('Title', { exact: true }).fill(title);
  if (date) await page.getByLabel('Date', { exact: true }).fill(date);
  if (kind) await page.locator('#evidence-kind').selectOption({ label: kind });
  if (hours) await page.getByLabel('Time spent, in hours (optional)').fill(hours);
  if (participatory) await page.getByLabel(/^Participatory/).check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText(`Saved “${title}” in your diary.`)).toBeVisible();
  // The outcome takes focus, so it is in view and read out.
  await expect(page.locator('#evidence-saved')).toBeFocused();
}

test('an entry added from a results item shows on the capability and in the printed summary', async ({ page }) => {
  await seed(page, { 'mapscc/assessment/seeded': assessmentRecord({ id: 'seeded', role: 'pa', ratings }) });
  await openApp(page, '/results/seeded');
  const add = page.getByRole('link', { name: /^Add evidence for / }).first();
  const capability = new URL(await add.getAttribute('href'), page.url()).searchParams.get('capability');
  const title = items.find((c) => c.id === capability).title;
  await add.click();
  await expect(page.getByRole('heading', { name: 'Add an entry' })).toBeFocused();
  await expect(page.getByRole('button', { name: new RegExp(`^Unlink\\s*: ${title}$`) })).toBeVisible();
  await expectNoAxeViolations(page);
  // The capabilities of the role checked (PA), grouped by domain, with no
  // other role's: two that share a title are one here.
  const picker = page.getByLabel('Link a capability');
  await expect(page.getByText('Showing the capabilities of the role you have checked against: physician associate.')).toBeVisible();
  const paOnly = framework.capabilities.filter((c) => c.expected.pa !== undefined);
  await expect(picker.locator('optgroup')).toHaveCount(new Set(paOnly.map((c) => c.domain)).size);
  await expect(picker.locator('option[value]:not([value=""])')).toHaveCount(paOnly.length);
  await expect(picker.locator('option', { hasText: '(SCP)' })).toHaveCount(0);
  // The filter lists the same.
  await expect(page.getByLabel('Capability', { exact: true }).locator('option[value]:not([value=""])')).toHaveCount(paOnly.length);
  await picker.selectOption({ label: 'Requesting and interpreting investigations' });
  // The choice moves to the linked list; the picker never looks linked.
  await expect(picker).toHaveValue('');
  const unlink = page.getByRole('button', { name: /^Unlink\s*: Requesting and interpreting investigations/ });
  await expect(unlink).toBeVisible();
  await unlink.click();
  await page.getByLabel('What did you learn?').fill('Structured handover reduces omissions.');
  await addEntry(page, { title: 'Sepsis study day', hours: '3', participatory: true });
  await expect(page.getByRole('heading', { name: 'Your entries (1)' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Saving an empty form next: the last save's message goes, the problem shows.
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('#evidence-errors')).toBeFocused();
  await expect(page.getByText('Saved “Sepsis study day” in your diary.')).toHaveCount(0);

  await openApp(page, '/results/seeded');
  const item = page.locator('.app-result-list li', { has: page.getByRole('link', { name: `Add evidence for ${title}` }) });
  await expect(item.getByText('Evidence (1)')).toBeVisible();
  await expect(item.getByText(/Sepsis study day \(CPD activity, /)).toBeVisible();
  const summary = page.locator('.app-cpd-summary');
  await expect(summary).toContainText('Sepsis study day');
  await expect(page.getByText(/1 entry, 3 hours of which 3 participatory/)).toBeVisible();
  await page.getByLabel('Include my reflections in the summary').check();
  await expect(summary).toContainText('Structured handover reduces omissions.');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(summary).toBeVisible();
  await expect(page.getByRole('heading', { name: 'CPD and evidence summary' })).toBeVisible();
  await expect(page.getByLabel('Include my reflections in the summary')).toBeHidden();
});

test('an entry saved in another tab shows at once on the results page open in this one', async ({ page, context }) => {
  await seed(page, { 'mapscc/assessment/seeded': assessmentRecord({ id: 'seeded', role: 'pa', ratings }) });
  await openApp(page, '/results/seeded');
  const add = page.getByRole('link', { name: /^Add evidence for / }).first();
  const href = await add.getAttribute('href');
  const title = items.find((c) => c.id === new URL(href, page.url()).searchParams.get('capability')).title;
  const item = page.locator('.app-result-list li', { has: page.getByRole('link', { name: `Add evidence for ${title}` }) });
  await expect(item.getByText('Evidence (0)')).toBeAttached();

  const other = await context.newPage();
  await openApp(other, new URL(href, page.url()).pathname + new URL(href, page.url()).search);
  await addEntry(other, { title: 'Handover audit' });
  await expect(item.getByText('Evidence (1)')).toBeVisible();
  await expect(item.getByText(/Handover audit \(/)).toBeVisible();
});

test('NMC totals update as entries are added', async ({ page }) => {
  await openApp(page, '/evidence');
  await expectNoAxeViolations(page);
  await page.getByLabel('NMC', { exact: true }).check();
  // A year ago, so the three-year cycle has time left whenever the test runs.
  const yearAgo = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByLabel('Start of the current cycle').fill(yearAgo);
  await page.getByLabel('Start of the current cycle').dispatchEvent('change');
  const row = (rule) => page.locator(`tr[data-rule="${rule}"]`);
  // Early in the three years a count is progress, not a shortfall.
  await expect(row('nmc.cpd-hours')).toContainText('0 of 35 hours so far');
  await expect(row('nmc.cpd-hours')).toContainText('Not yet');
  await expectNoAxeViolations(page);
  await addEntry(page, { title: 'Simulation course', hours: '20', participatory: true });
  await expect(row('nmc.cpd-hours')).toContainText('20 of 35 hours');
  await expect(row('nmc.participatory-hours')).toContainText('20 of 20 hours');
  await expect(row('nmc.participatory-hours')).toContainText('Recorded: check each involved other professionals');
  await addEntry(page, { title: 'Journal reading', hours: '15.5' });
  await expect(row('nmc.cpd-hours')).toContainText('35.5 of 35 hours');
  await expect(row('nmc.cpd-hours')).toContainText('Recorded: check each record gives its method, how it relates to your practice and the Code, and evidence');
  await addEntry(page, { title: 'Thank-you card from a family', kind: 'Compliments and complaints' });
  await expect(row('nmc.feedback')).toContainText('1 of 5');
  // No time given is not "0 hours".
  await expect(page.locator('.app-evidence-entry', { hasText: 'Thank-you card from a family' })).not.toContainText('hours');
  await expect(page.locator('.app-evidence-entry', { hasText: 'Journal reading' })).toContainText('15.5 hours');
  await page.reload();
  await expect(page.getByLabel('NMC', { exact: true })).toBeChecked();
  await expect(row('nmc.cpd-hours')).toContainText('35.5 of 35 hours');

  await page.getByLabel('GMC', { exact: true }).check();
  await expect(page.getByText(/The GMC has not yet set revalidation dates/)).toBeVisible();
  await expect(page.locator('tbody tr[data-rule^="gmc."]')).toHaveCount(6);
  // Having no significant events is an answer only the practitioner can give.
  await expect(row('gmc.significant-events')).toContainText('0 entries declared');
  await expect(row('gmc.significant-events')).not.toContainText('Recorded: check');
  await expect(row('gmc.significant-events')).toContainText('if you had none, say so at appraisal');
  await expect(row('gmc.significant-events').getByRole('link', { name: /^Source\s*: Significant events$/ })).toBeVisible();
  // Asked once in each revalidation cycle: one appraisal year without it is not a shortfall.
  await expect(row('gmc.colleague-feedback')).toContainText('None this year: needed at least once in each revalidation cycle (usually 5 years)');
  await expectNoAxeViolations(page);
});

test('the NHS-number warning shows for a valid number and not for a random 10-digit one', async ({ page }) => {
  await openApp(page, '/evidence');
  const box = page.getByLabel('What happened?');
  const warning = page.locator('#evidence-privacy');
  // 943 476 5919 passes the modulus 11 check.
  await box.fill('Reviewed the notes for 943 476 5919 with my supervisor.');
  await expect(warning).toContainText('looks like an NHS number');
  await expectNoAxeViolations(page);
  // 1234567890 fails it (its check digit would be 10), as does 9434765918.
  await box.fill('Called extension 1234567890 and 9434765918 about the rota.');
  await expect(warning).not.toContainText('NHS number');
  await box.fill('Born 12/03/1980.');
  await expect(warning).toContainText('is a full date');
  // A flag never blocks: the entry saves.
  await addEntry(page, { title: 'Flagged but saved' });
  await expect(page.getByRole('heading', { name: 'Your entries (1)' })).toBeVisible();
});

test('entries are checked, edited, found, deleted with a confirmation, and exported', async ({ page }) => {
  await openApp(page, '/evidence');
  await page.getByLabel('Title', { exact: true }).fill('');
  await page.getByLabel('Time spent, in hours (optional)').fill('lots');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('#evidence-errors')).toBeFocused();
  await expect(page.locator('#evidence-errors')).toContainText('Enter a title');
  await expect(page.locator('#evidence-errors')).toContainText('Time spent must be a number of hours');
  await expectNoAxeViolations(page);
  await page.getByLabel('Time spent, in hours (optional)').fill('');
  await addEntry(page, { title: 'Audit of VTE prophylaxis', kind: 'Quality improvement activity', date: '2026-03-01' });
  await addEntry(page, { title: '=HYPERLINK("x")', date: '2026-05-01' });
  await page.getByLabel('Search').fill('audit');
  await expect(page.getByText('Showing 1 of 2.')).toBeVisible();
  await page.getByLabel('Search').fill('');
  await page.locator('#evidence-filter-kind').selectOption({ label: 'CPD activity' });
  await expect(page.getByText('Showing 1 of 2.')).toBeVisible();
  await page.locator('#evidence-filter-kind').selectOption('');
  await page.locator('#evidence-filter-to').fill('2026-04-01');
  await page.locator('#evidence-filter-to').dispatchEvent('change');
  await expect(page.getByText('Showing 1 of 2.')).toBeVisible();
  await page.locator('#evidence-filter-to').fill('');
  await page.locator('#evidence-filter-to').dispatchEvent('change');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download these entries (CSV)' }).click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString('utf8')).toContain('"\'=HYPERLINK(""x"")"');

  await page.getByRole('button', { name: /^Edit\s*: Audit of VTE prophylaxis$/ }).click();
  await expect(page.getByRole('heading', { name: 'Edit an entry' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Title', { exact: true }).fill('Audit of VTE prophylaxis, re-audit');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Audit of VTE prophylaxis, re-audit' })).toBeVisible();

  await page.getByRole('button', { name: /^Delete\s*: Audit of VTE prophylaxis, re-audit$/ }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByRole('heading', { name: 'Your entries (1)' })).toBeVisible();
  await expect(page.locator('#evidence-storage')).toContainText('Your diary takes');
});

test('a backup restores the diary and the regulator, and a plan action links to its evidence', async ({ page }) => {
  await openApp(page, '/my-data');
  await page.getByLabel('Backup file').setInputFiles(new URL('../fixtures/backup-v4.json', import.meta.url).pathname);
  await expect(page.getByText('1 evidence diary entries will be added or replace the device\'s copy')).toBeVisible();
  await expect(page.getByText('The regulator and cycle start chosen in the diary will be taken from the file')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/^Imported: 1 added/)).toBeVisible();

  await openApp(page, '/results/a-fixture-v4');
  const action = page.locator('.app-plan__action', { hasText: 'Assist on ten more cases with a consultant' });
  await expect(action.getByText('Evidence (1): Multi-source feedback round (14 October 2026)')).toBeVisible();
  await action.getByRole('link', { name: 'Add evidence for Assist on ten more cases with a consultant' }).click();
  await expect(page.getByRole('heading', { name: 'Add an entry' })).toBeFocused();
  await expect(page.getByLabel('Assist on ten more cases with a consultant')).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Multi-source feedback round' })).toBeVisible();
  await expect(page.getByLabel('NMC', { exact: true })).toBeChecked();
  await expect(page.locator('tr[data-rule="nmc.feedback"]')).toContainText('1 of 5');
  await expectNoAxeViolations(page);
});
