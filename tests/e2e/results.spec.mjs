// Results, plan, print and export/import, from a seeded assessment.
import { expect, test } from './fixtures.mjs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations, openApp } from './helpers.mjs';
import { assessmentRecord, quickCheck, seed } from './seed.mjs';

const items = quickCheck('pa');
// First item not applicable, every other rated 1 ("not yet").
const ratings = Object.fromEntries(items.map((c, i) => [c.id, i === 0 ? 'n/a' : 1]));
const expectedGaps = items.slice(1).filter((c) => c.expected.pa.newly_qualified > 1).length;
const expectedStrengths = items.slice(1).length - expectedGaps;

async function openSeededResults(page) {
  await seed(page, { 'mapscc/assessment/seeded': assessmentRecord({ id: 'seeded', role: 'pa', ratings }) });
  await openApp(page, '/results/seeded');
}

test('seeded answers show the expected gaps, strengths and not-applicable figures', async ({ page }) => {
  await openSeededResults(page);
  await expect(page.getByRole('heading', { name: `Gaps (${expectedGaps})` })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Strengths (${expectedStrengths})` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not applicable (1)' })).toBeVisible();
  await expect(page.getByText(`${items.length} of ${items.length}`)).toBeVisible();
  // Every domain with a level-rated item has a mean of exactly 1.0.
  const means = await page.locator('table.app-results-table').first().locator('tbody tr td:nth-child(2)').allTextContents();
  expect(means.filter((mean) => mean !== 'not rated').every((mean) => mean === '1.0')).toBe(true);
  await expect(page.locator('svg.app-chart__svg title')).toHaveText('Your ratings by domain');
  await expectNoAxeViolations(page);
});

test('a gap becomes a plan action from a suggestion and survives a reload', async ({ page }) => {
  await openSeededResults(page);
  await page.getByText(/Suggestions for your \d+ gap/).click();
  const first = page.getByRole('button', { name: /^Add to plan: / }).first();
  const label = (await first.textContent()).replace('Add to plan: ', '');
  await first.click();
  await expect(page.locator('.app-plan__what').first()).toHaveText(label);
  await page.getByLabel('Status').first().selectOption('In progress');
  await page.getByLabel('What will you do?').fill('');
  await page.getByRole('button', { name: 'Add to plan', exact: true }).click();
  await expect(page.locator('#plan-error-summary')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.locator('.app-plan__what').first()).toHaveText(label);
  await expect(page.getByLabel('Status').first()).toHaveValue('In progress');
});

test('the print summary hides navigation and shows the disclaimer', async ({ page }) => {
  await openSeededResults(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.nhsuk-header')).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  await expect(page.getByRole('button', { name: /Print/ })).toBeHidden();
  await expect(page.getByText('A conversation aid, not a sign-off.', { exact: false }).last()).toBeVisible();
  await expect(page.locator('table.app-results-table').first()).toBeVisible();
});

test('export then import into an empty browser gives the same results', async ({ page, browser }) => {
  await openSeededResults(page);
  await openApp(page, '/my-data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup (JSON)' }).click(),
  ]);
  const file = join(tmpdir(), `backup-${test.info().workerIndex}-${Date.now()}.json`);
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).kind).toBe('backup');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other, '/my-data');
  await other.getByLabel('Backup file').setInputFiles(file);
  await expect(other.getByText('1 assessment(s) will be added')).toBeVisible();
  await expectNoAxeViolations(other);
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.getByText('Imported: 1 added, 0 replaced.')).toBeVisible();
  await openApp(other, '/results/seeded');
  await expect(other.getByRole('heading', { name: `Gaps (${expectedGaps})` })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Not applicable (1)' })).toBeVisible();
  await fresh.close();
});

test('a malformed import file is refused with a clear message and nothing changes', async ({ page }) => {
  await openApp(page, '/my-data');
  await page.getByLabel('Backup file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": ') });
  await expect(page.locator('#import-file-error')).toContainText('not a backup from this app');
  await expect(page.locator('#import-file-error')).not.toContainText('column');
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mapscc/assessment/')).length)).toBe(0);
});

test('the ratings CSV has a row per capability', async ({ page }) => {
  await openSeededResults(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download ratings (CSV)' }).click(),
  ]);
  const file = join(tmpdir(), `ratings-${test.info().workerIndex}-${Date.now()}.csv`);
  await download.saveAs(file);
  const csv = readFileSync(file, 'utf8').trim().split('\n');
  expect(csv.length).toBe(items.length + 1);
  expect(csv[0]).toContain('expected_level_indicative');
});

// A result list of a real check is laid out in full, so scrolling through
// the results page changes nothing on it. Laid out only as they scrolled
// into view, items changed from their estimated height when seen (the page
// grew by 216 px at 390 px wide), moving what was below them: a link moved
// 24 px as it was scrolled to, and a tap then missed it.
test('the results page keeps its layout while it is scrolled through', async ({ page }) => {
  const allNotYet = Object.fromEntries(items.map((c) => [c.id, 1]));
  await seed(page, { 'mapscc/assessment/seeded': assessmentRecord({ id: 'seeded', role: 'pa', ratings: allNotYet }) });
  await openApp(page, '/results/seeded');
  const heights = await page.evaluate(async () => {
    const frames = (count) => new Promise((done) => {
      const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : done());
      step(count);
    });
    const seen = [document.documentElement.scrollHeight];
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
      window.scrollBy(0, window.innerHeight / 2);
      await frames(2);
      seen.push(document.documentElement.scrollHeight);
    }
    return [...new Set(seen)];
  });
  expect(heights).toHaveLength(1);
});
