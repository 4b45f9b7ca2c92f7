// Local capability packs (issue 24) at phone size: load the example pack,
// a PA full check asks its items under their domains, results and print
// name the pack, and a malformed file changes nothing. Axe on every state.
import { expect, test } from './fixtures.mjs';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, openApp } from './helpers.mjs';
import { assessmentRecord, framework } from './seed.mjs';

const exampleCsv = readFileSync(new URL('../../public/packs/example-pack.csv', import.meta.url));
const exampleJson = JSON.parse(readFileSync(new URL('../../public/packs/example-pack.json', import.meta.url), 'utf8'));
const NAME = exampleJson.name;
const KEY = 'example-pack-invented-not-guidance';
const TAG = `Local pack: ${NAME}`;

test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the pack journeys run at 390 px');
});

/** Every key and value the app keeps in localStorage. */
async function stored(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((key) => key.startsWith('mapscc/')).map((key) => [key, localStorage.getItem(key)])));
}

test('the example pack loads from CSV after a preview, and a PA full check asks its items under their domains', async ({ page }) => {
  // Six axe runs and a full check on a shared 2-core machine.
  test.setTimeout(120_000);
  await openApp(page, '/packs');
  await expectNoAxeViolations(page);
  await page.getByLabel('Pack file (CSV or JSON)').setInputFiles({ name: 'example-pack.csv', mimeType: 'text/csv', buffer: exampleCsv });
  await page.getByRole('button', { name: 'Load pack' }).click();
  // A CSV file does not carry its name and version: the form asks for them.
  const summary = page.locator('#pack-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Enter the pack's name/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Enter the pack's version/ })).toBeVisible();
  // Each field says its own problem beside it, as NHS.UK error messages do.
  await expect(page.locator('#pack-name-error')).toHaveText("Error: Enter the pack's name: the file does not give one.");
  await expect(page.getByLabel('Pack name')).toHaveAccessibleDescription(/Enter the pack's name/);
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: /name/ }).click();
  await expect(page.getByLabel('Pack name')).toBeFocused();
  await page.getByLabel('Pack name').fill(NAME);
  await page.getByLabel('Version', { exact: true }).fill('1.0.0');
  // A date picker, so the date is never ambiguous (01/12 or 12/01).
  await expect(page.getByLabel('Date (optional)')).toHaveAttribute('type', 'date');
  await page.getByLabel('Date (optional)').fill('2026-11-02');
  await page.getByRole('button', { name: 'Load pack' }).click();
  const preview = page.locator('#pack-preview-title');
  await expect(preview).toHaveText(`Check before adding: ${NAME}`);
  await expect(preview).toBeFocused();
  await expect(page.locator('.app-import-preview tbody tr')).toHaveCount(6);
  // Dates read as dates, and each row shows the id its answers are kept under.
  await expect(page.locator('.app-import-preview')).toContainText('2 November 2026');
  const firstId = exampleCsv.toString('utf8').split(/\r?\n/)[1].split(',')[0];
  await expect(page.locator('.app-import-preview tbody tr').first().getByRole('cell', { name: firstId, exact: true })).toBeVisible();
  // On a phone no word is split inside: each column is as wide as its
  // longest word, and the table scrolls in its region.
  const splitWords = await page.locator('.app-import-preview tbody tr').first().evaluate((row) =>
    [...row.children].filter((cell) => {
      const longest = Math.max(...cell.textContent.split(/\s+/).map((word) => word.length));
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      return lines.size > cell.textContent.split(/\s+/).filter(Boolean).length && longest > 3;
    }).map((cell) => cell.textContent));
  expect(splitWords).toEqual([]);
  expect(await stored(page)).not.toHaveProperty('mapscc/packs');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add this pack' }).click();
  await expect(page.locator('#pack-done')).toContainText(`${NAME} version 1.0.0 is loaded: 6 capabilities.`);
  await expect(page.getByRole('heading', { level: 3, name: NAME })).toBeVisible();
  await expect(page.locator('.app-assessment', { hasText: NAME })).toContainText('dated 2 November 2026');
  // The form is empty again for the next pack.
  await expect(page.getByLabel('Pack name')).toHaveValue('');
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue('');
  expect(await page.getByLabel('Pack file (CSV or JSON)').evaluate((input) => input.files.length)).toBe(0);
  await expectNoAxeViolations(page);

  // A PA full check with the pack ticked (the default).
  await page.getByRole('link', { name: 'Start a check' }).click();
  await page.getByLabel(/^Physician associate/).check();
  await page.getByLabel('Newly qualified', { exact: true }).check();
  await page.getByLabel('Full check').check();
  await expect(page.getByLabel(`${NAME} (version 1.0.0)`)).toBeChecked();
  // A check asks only its role's items: the size says how many are whose.
  await expect(page.getByText('6 capabilities (PA 5, AA 4, SCP 5, ACCP 5)')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start the check' }).click();
  await expect(page.locator('#step-heading')).toBeVisible();

  // Each domain counts its own capabilities and the pack's for PAs.
  const packItems = exampleJson.capabilities.filter((item) => item.roles.includes('pa'));
  await page.getByText('Jump to a domain or to unanswered questions').click();
  for (const domain of framework.domains) {
    const own = framework.capabilities.filter((c) => c.domain === domain.id && c.expected.pa).length;
    const added = packItems.filter((item) => item.domain === domain.id).length;
    await expect(page.getByRole('button', { name: `${domain.title} (0 of ${own + added} answered)` })).toBeVisible();
  }
  // The pack's teaching item is the last of Education and training: one
  // back from the first of the next domain.
  await page.getByRole('button', { name: /^Research and scholarship \(/ }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.locator('#step-heading')).toHaveText('EXAMPLE: Contributes to the department\'s teaching programme');
  await expect(page.locator('.nhsuk-caption-l')).toHaveText('Education and training');
  await expect(page.locator('.app-pack-tag')).toHaveText(TAG);
  await expect(page.getByText('not this app\'s content and not national content')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('results and the printed summary label pack items with the pack name', async ({ page }) => {
  const stored = { name: NAME, version: exampleJson.version, author: exampleJson.author, date: exampleJson.date, capabilities: exampleJson.capabilities };
  const packIds = exampleJson.capabilities.filter((item) => item.roles.includes('pa')).map((item) => `pack/${KEY}/${item.id}`);
  const record = JSON.parse(assessmentRecord({ id: 'with-pack', role: 'pa', scope: 'quick', ratings: Object.fromEntries(packIds.map((id) => [id, 1])) }));
  record.data.packs = [{ key: KEY, name: NAME, version: exampleJson.version }];
  await page.addInitScript(([packs, assessment]) => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem('mapscc/packs', packs);
    localStorage.setItem('mapscc/assessment/with-pack', assessment);
    sessionStorage.setItem('seeded', '1');
  }, [JSON.stringify({ app: 'maps-capability-checker', kind: 'packs', version: 1, data: { packs: [stored] } }), JSON.stringify(record)]);
  await openApp(page, '/results/with-pack');
  await expect(page.locator('.nhsuk-summary-list__row', { hasText: 'Local packs' }))
    .toContainText(`${NAME} (version 1.0.0). Agreed locally: not this app's capabilities and not national content.`);
  // Rated 1 where newly qualified PAs are expected 2 or 3: gaps, each tagged.
  const induction = page.locator('.app-result-list li', { hasText: 'EXAMPLE: Completes the local induction' });
  await expect(induction).toContainText(TAG);
  await expect(induction).toContainText('expected');
  // No level is expected of the teaching item when newly qualified: it is
  // no gap, but the rating given is shown, with the others that have none.
  const teaching = { hasText: 'EXAMPLE: Contributes to the department' };
  const gaps = page.locator('h2:text-matches("^Gaps ") + ul li');
  await expect(gaps.filter({ hasText: 'EXAMPLE: Completes the local induction' })).toHaveCount(1);
  await expect(gaps.filter(teaching)).toHaveCount(0);
  // So is the audit item's, whose level is set only for experienced PAs.
  await expect(page.getByRole('heading', { level: 2, name: 'Rated where no level is expected (2)' })).toBeVisible();
  const without = page.locator('h2:text-matches("^Rated where no level is expected") + p + ul li');
  await expect(without.filter(teaching)).toContainText('your rating 1 (');
  await expect(without.filter({ hasText: 'EXAMPLE: Takes part in a departmental audit' })).toContainText('expected no level');
  await expect(page.getByText(/The counts include 5 capabilities from local packs/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(induction.locator('.app-pack-tag')).toBeVisible();
  await expect(induction).toContainText(TAG);
});

test('a malformed file shows the error summary with rows and columns, and changes nothing', async ({ page }) => {
  await openApp(page, '/packs');
  const before = await stored(page);
  const malformed = [
    'id,domain,title,descriptor,roles,newly_qualified,experienced,evidence,development',
    'a,safeguarding,Fine,,pa,2,3,,',
    'a,cardiology,,,pa;nurse,7,3,,',
  ].join('\r\n');
  await page.getByLabel('Pack name').fill('Broken pack');
  await page.getByLabel('Version', { exact: true }).fill('1');
  await page.getByLabel('Pack file (CSV or JSON)').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(malformed) });
  await page.getByRole('button', { name: 'Load pack' }).click();
  const summary = page.locator('#pack-error-summary');
  await expect(summary).toBeFocused();
  for (const text of ['Row 3, column id:', 'Row 3, column domain:', 'Row 3, column title:', 'Row 3, column roles:', 'Row 3, column newly_qualified:']) {
    await expect(summary).toContainText(text);
  }
  await expect(page.locator('.nhsuk-form-group--error #pack-file')).toHaveCount(1);
  await expect(page.locator('#pack-file-error')).toHaveText('Error: The file has problems, each listed at the top of the page with its row and column');
  await expect(page.getByLabel('Pack file (CSV or JSON)')).toHaveAccessibleDescription(/The file has problems/);
  await expect(page.locator('#pack-preview-title')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await summary.getByRole('link').first().click();
  await expect(page.locator('#pack-file')).toBeFocused();
  expect(await stored(page)).toEqual(before);
  await expect(page.getByText('No packs are loaded.')).toBeVisible();
});

test('a loaded pack downloads as CSV and JSON and can be removed, keeping answers', async ({ page }) => {
  await openApp(page, '/packs');
  await page.getByLabel('Pack file (CSV or JSON)').setInputFiles({ name: 'example-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exampleJson)) });
  await page.getByRole('button', { name: 'Load pack' }).click();
  await page.getByRole('button', { name: 'Add this pack' }).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe(`${KEY}-1.0.0.csv`);
  expect(readFileSync(await csv.path(), 'utf8').split('\r\n')[0]).toBe('id,domain,title,descriptor,roles,newly_qualified,experienced,evidence,development');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as JSON' }).click()]);
  expect(JSON.parse(readFileSync(await json.path(), 'utf8')).capabilities).toEqual(exampleJson.capabilities);
  await page.getByRole('button', { name: `Remove ${NAME}` }).click();
  await expect(page.getByRole('alertdialog')).toContainText('come back if you load the pack again');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Remove the pack' }).click();
  await expect(page.getByText(`${NAME} is removed.`)).toBeVisible();
  await expect(page.getByText('No packs are loaded.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a pack loaded in another tab shows in this one', async ({ page, context }) => {
  // This tab has read the packs (none) before the other tab loads one.
  await openApp(page, '/check');
  await expect(page.getByRole('heading', { name: 'Local packs to include' })).toHaveCount(0);
  const other = await context.newPage();
  await openApp(other, '/packs');
  await other.getByLabel('Pack file (CSV or JSON)').setInputFiles({ name: 'example-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exampleJson)) });
  await other.getByRole('button', { name: 'Load pack' }).click();
  await other.getByRole('button', { name: 'Add this pack' }).click();
  await expect(other.locator('#pack-done')).toBeVisible();
  await expect(page.getByLabel(`${NAME} (version 1.0.0)`)).toBeChecked();
});
