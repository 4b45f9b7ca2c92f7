// Pages that behave as people expect (issue 19): focus and history on every
// page change, dialogs, tables, print, presenter mode, guest wording, the
// plan editor, coming back, and free text in any script.
import { expect, test } from './fixtures.mjs';
import { countPdfPages, expectNoAxeViolations, openApp, wordsBrokenInside } from './helpers.mjs';
import { assessmentRecord, quickCheck, seed } from './seed.mjs';

const items = quickCheck('pa');
const allNotYet = Object.fromEntries(items.map((c) => [c.id, 1]));

/** A finished PA quick check, every item "not yet", with `plan` and notes. */
function seededCheck({ plan = [], notes = {}, finished = true, id = 'seeded' } = {}) {
  const record = JSON.parse(assessmentRecord({ id, role: 'pa', stage: 'experienced', ratings: allNotYet }));
  record.data.plan = plan;
  for (const [capability, note] of Object.entries(notes)) record.data.answers[capability].push(note);
  if (!finished) {
    record.data.finished_at = null;
  }
  return JSON.stringify(record);
}

const heading = (page) => page.getByRole('heading', { level: 1 });
const focusedTag = (page) => page.evaluate(() => `${document.activeElement.tagName}:${document.activeElement.textContent.trim().slice(0, 60)}`);

test.describe('1. in-app navigation behaves like a page load', () => {
  test('a card followed by keyboard puts focus on the new heading and announces it', async ({ page }) => {
    await openApp(page, '/');
    const card = page.getByRole('link', { name: 'Explore the roles' });
    await card.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/roles$/);
    await expect(heading(page)).toBeFocused();
    const title = (await heading(page).textContent()).trim();
    await expect(page.locator('#app-announcer')).toHaveText(title);
    // The next Tab goes to the first link after the heading, in the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('#maincontent').contains(document.activeElement))).toBe(true);
    await expectNoAxeViolations(page);
  });

  test('history holds exactly the pages visited, and Back and Forward restore the scroll', async ({ page }) => {
    await openApp(page, '/');
    const start = await page.evaluate(() => history.length);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Explore roles' }).click();
    await expect(heading(page)).toBeFocused();
    // A link to the page already shown adds no entry, as in a browser.
    await nav.getByRole('link', { name: 'Explore roles' }).click();
    expect(await page.evaluate(() => history.length)).toBe(start + 1);
    await page.locator('#maincontent').getByRole('link', { name: /^Physician associate/ }).first().click();
    await expect(page).toHaveURL(/\/roles\/pa$/);
    await expect(heading(page)).toBeFocused();
    expect(await page.evaluate(() => history.length)).toBe(start + 2);
    // Leave from a link far down the page: Back returns to that place.
    const onward = page.locator('#maincontent').getByRole('link', { name: 'Check my readiness for this role' });
    await onward.scrollIntoViewIfNeeded();
    const left = await page.evaluate(() => window.scrollY);
    expect(left).toBeGreaterThan(500);
    await onward.click();
    await expect(page).toHaveURL(/\/check\?role=pa$/);
    await expect(heading(page)).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.goBack();
    await expect(page).toHaveURL(/\/roles\/pa$/);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(left);
    await expect(heading(page)).toBeFocused();
    await page.goBack();
    await expect(page).toHaveURL(/\/roles$/);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.goForward();
    await expect(page).toHaveURL(/\/roles\/pa$/);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(left);
    await expectNoAxeViolations(page);
  });
});

test.describe('2. dialogs and confirmations', () => {
  test('"Clear this device": Escape and Cancel close it and give focus back', async ({ page }) => {
    await openApp(page, '/my-data');
    const open = page.getByRole('button', { name: 'Clear this device' });
    await open.click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove everything?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading')).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(open).toBeFocused();
    await open.press('Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(open).toBeFocused();
  });

  test('deleting a profile: Escape and Cancel give focus back to its Delete button', async ({ page }) => {
    await openApp(page, '/my-data');
    await page.getByLabel('Add a profile').fill('Sam');
    await page.getByRole('button', { name: 'Add profile' }).click();
    const remove = page.getByRole('button', { name: 'Delete Sam' });
    await remove.click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete this profile?' });
    await expect(dialog.getByRole('heading')).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(remove).toBeFocused();
    await remove.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(remove).toBeFocused();
    await remove.click();
    await dialog.getByRole('button', { name: 'Yes, delete the profile' }).click();
    await expect(page.getByRole('heading', { name: 'Profiles on this device' })).toBeFocused();
  });

  test('a profile name that cannot be used is refused with a message, and the name is kept', async ({ page }) => {
    await openApp(page, '/my-data');
    await page.getByRole('button', { name: 'Add profile' }).click();
    const add = page.getByLabel('Add a profile');
    await expect(add).toBeFocused();
    await expect(add).toHaveAccessibleDescription('Error: Enter a name for the profile');
    await add.fill('Sam');
    await page.getByRole('button', { name: 'Add profile' }).click();

    const rename = page.getByLabel('Rename Sam');
    await rename.fill('   ');
    await rename.press('Tab');
    await expect(rename).toHaveAccessibleDescription('Error: Enter a name for the profile');
    await rename.fill('S'.repeat(61));
    await rename.press('Tab');
    await expect(rename).toHaveAccessibleDescription('Error: Enter a name of 60 characters or fewer');
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(page.getByLabel('Rename Sam')).toHaveValue('Sam');
  });
});

test.describe('3. tables never break inside words', () => {
  for (const width of [320, 390]) {
    test(`results tables at ${width} px, on screen and in print`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await seed(page, { 'mapscc/assessment/seeded': seededCheck() });
      await openApp(page, '/results/seeded');
      await expect(page.locator('table').first()).toBeVisible();
      expect(await wordsBrokenInside(page, 'main table')).toEqual([]);
      for (const region of await page.locator('.app-table-scroll').all()) {
        await expect(region).toHaveAttribute('tabindex', '0');
        await expect(region).toHaveAttribute('role', 'region');
        await expect(region).toHaveAttribute('aria-label', /\w/);
        // A region that scrolls sideways shows it: a shadow at the edge with more to see.
        const cue = await region.evaluate((element) => getComputedStyle(element).backgroundImage);
        expect(cue).toContain('radial-gradient');
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await expectNoAxeViolations(page);
      await page.emulateMedia({ media: 'print' });
      expect(await wordsBrokenInside(page, 'main table')).toEqual([]);
    });
  }
});

test.describe('4. a printed summary worth taking to appraisal', () => {
  test('a quick check prints on at most 3 A4 pages, with UK dates and a signature block', async ({ page, browserName }) => {
    test.skip(browserName !== 'chromium', 'PDF output is Chromium only');
    const plan = [{
      id: 'p1', what: 'Meet the safeguarding lead', by_when: '2027-01-15', capabilities: [items[0].id],
      target: 3, status: 'in-progress', updated_at: 1763700003000,
    }];
    await seed(page, { 'mapscc/assessment/seeded': seededCheck({ plan }) });
    await openApp(page, '/results/seeded');
    await expect(page.getByText('Meet the safeguarding lead', { exact: true })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('main').innerText();
    expect(printed).toContain('By: 15 January 2027');
    expect(printed).not.toContain('2027-01-15');
    for (const line of ["Practitioner's name", 'Role', 'Stage', "Supervisor's name", "Supervisor's signature"]) {
      expect(printed).toContain(line);
    }
    expect(printed).toMatch(/Date of self-assessment\s+\d{1,2} [A-Z][a-z]+ \d{4}/);
    const headingBreak = await page.locator('main h2').first().evaluate((h) => getComputedStyle(h).breakAfter);
    expect(headingBreak).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = countPdfPages(pdf);
    test.info().annotations.push({ type: 'printed pages', description: String(pages) });
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(3);
  });

  test('the PDF page counter counts pages', async ({ page, browserName }) => {
    test.skip(browserName !== 'chromium', 'PDF output is Chromium only');
    await page.setContent('<p>one</p><p style="break-before: page">two</p><p style="break-before: page">three</p>');
    expect(countPdfPages(await page.pdf({ format: 'A4' }))).toBe(3);
  });
});

test.describe('5. presenter mode and workshops', () => {
  for (const width of [1024, 1366, 1920]) {
    test(`presenter mode at ${width} px has side margins and no sideways scroll`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await openApp(page, '/workshop');
      await page.getByRole('button', { name: 'Start presenter mode' }).click();
      await expect(page.locator('html')).toHaveClass(/app-presenter/);
      for (const path of ['/', '/roles', '/check', '/workshop']) {
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        await page.evaluate((path) => {
          const link = document.createElement('a');
          link.href = document.baseURI.replace(/\/$/, '') + path;
          document.querySelector('#maincontent').append(link);
          link.click();
          link.remove();
        }, path);
        await expect(heading(page)).toBeFocused();
        const layout = await page.evaluate(() => {
          const box = document.querySelector('#maincontent h1').getBoundingClientRect();
          return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, left: box.left, right: window.innerWidth - box.right };
        });
        expect(layout.scroll, path).toBeLessThanOrEqual(layout.inner);
        expect(layout.left, path).toBeGreaterThanOrEqual(32);
        expect(layout.right, path).toBeGreaterThanOrEqual(0);
      }
      await expectNoAxeViolations(page);
    });
  }

  test('every page in presenter mode can reset for the next person, and says when it is done', async ({ page }) => {
    await openApp(page, '/workshop');
    await page.getByRole('button', { name: 'Start presenter mode' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check my capabilities' }).click();
    await page.getByLabel('Physician associate (PA)').check();
    await page.getByLabel('Experienced', { exact: true }).check();
    await page.getByLabel('Quick check').check();
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.getByLabel('With direct supervision').check();
    await page.getByRole('button', { name: 'Reset for the next person' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ready for the next person' })).toBeVisible();
    await expect(heading(page)).toHaveText('Explore the Medical Associate Professions and check your capabilities');
    await expect(page.getByRole('heading', { name: 'Continue your check' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('workshop tools are reachable from the home page', async ({ page }) => {
    await openApp(page, '/');
    await page.locator('#maincontent').getByRole('link', { name: 'Workshops and shared devices' }).click();
    await expect(heading(page)).toHaveText('Workshops and shared devices');
  });
});

test.describe('6. guest sessions say what is true', () => {
  test('a guest is never told "Saved on this device", and the banner ends the session', async ({ page }) => {
    await seed(page, { 'mapscc/assessment/mine': seededCheck({ id: 'mine' }) });
    await openApp(page, '/workshop');
    await page.getByRole('button', { name: 'Start a guest session' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check my capabilities' }).click();
    await expect(page.getByText('your answers are kept in this tab until you close it')).toBeVisible();
    await page.getByLabel('Anaesthesia associate (AA)').check();
    await page.getByLabel('Experienced', { exact: true }).check();
    await page.getByLabel('Quick check').check();
    await page.getByRole('button', { name: 'Start the check' }).click();
    await expect(page.getByText('Guest session: kept in this tab until you close it.')).toBeVisible();
    await expect(page.getByText(/Saved on this device/)).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My data' }).click();
    await page.getByRole('button', { name: 'Clear this device' }).click();
    await expect(page.getByRole('alertdialog')).toContainText("only this guest session's");
    await expect(page.getByRole('alertdialog')).not.toContainText('every profile');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    await page.locator('.app-storage-banner').getByRole('button', { name: 'End the guest session' }).click();
    await expect(page.locator('.app-storage-banner')).not.toContainText('Guest session');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results', exact: true }).click();
    await expect(page.locator('#maincontent').getByRole('link', { name: /^Physician associate/ })).toBeVisible();
  });
});

test.describe('7. the plan editor keeps what you type', () => {
  test('typed text survives editing another item; suggestions stay open; targets agree', async ({ page }) => {
    await seed(page, { 'mapscc/assessment/seeded': seededCheck() });
    await openApp(page, '/results/seeded');
    await page.getByText(/Suggestions for your \d+ gap/).click();
    const first = page.getByRole('button', { name: /^Add to plan: / }).first();
    const idea = (await first.textContent()).replace('Add to plan: ', '');
    await first.click();
    // The panel stays open and focus stays on the idea, now in the plan.
    await expect(page.locator('details.nhsuk-details', { hasText: 'Suggestions for your' })).toHaveAttribute('open', '');
    await expect(page.getByText(`✓ In your plan: ${idea}`)).toBeFocused();
    await expect(page.getByRole('button', { name: /^Add to plan: / }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('What will you do?').fill('Shadow a GP partner for a day');
    await page.getByLabel('By when').first().fill('2027-01-15');
    await expect(page.getByLabel('By when').first()).toBeFocused();
    await expect(page.getByLabel('What will you do?')).toHaveValue('Shadow a GP partner for a day');
    await page.getByRole('button', { name: 'Add to plan', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added to your plan: Shadow a GP partner for a day' })).toBeVisible();
    await expect(page.getByLabel('What will you do?')).toBeFocused();

    const own = page.locator('.app-plan__action').filter({ hasText: 'Shadow a GP partner for a day' });
    await expect(own.getByLabel('Target level')).toHaveValue('');
    await expect(own.getByLabel('Target level').locator('option:checked')).toHaveText('Not set');
    await page.emulateMedia({ media: 'print' });
    await expect(own).toContainText('Target: not set');
    await page.emulateMedia({ media: 'screen' });
    await own.getByLabel('Target level').selectOption('3');
    await expect(page.locator('.app-plan__action').filter({ hasText: 'Shadow a GP partner for a day' }).getByLabel('Target level')).toBeFocused();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mapscc/assessment/seeded')).data.plan);
    expect(stored.find((action) => action.what === 'Shadow a GP partner for a day').target).toBe(3);
    await expectNoAxeViolations(page);
  });
});

test.describe('8. coming back is one tap', () => {
  test('the home page offers the latest unfinished check as a large control', async ({ page }) => {
    await seed(page, { 'mapscc/assessment/open': seededCheck({ id: 'open', finished: false }) });
    await openApp(page, '/');
    const resume = page.getByRole('link', { name: 'Continue your check' });
    const box = await resume.boundingBox();
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await expectNoAxeViolations(page);
    await resume.click();
    await expect(page).toHaveURL(/\/check\/open$/);
    await expect(heading(page)).toBeFocused();
    await page.getByRole('link', { name: 'All my assessments' }).click();
    for (const action of await page.locator('.app-assessment .app-inline-actions').getByRole('link').all()) {
      const size = await action.boundingBox();
      expect(size.width, await action.textContent()).toBeGreaterThanOrEqual(44);
      expect(size.height, await action.textContent()).toBeGreaterThanOrEqual(44);
    }
  });
});

test.describe('9. free text in any script and direction', () => {
  const arabic = 'سارة أحمد';
  const long = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
  const note = `患者との面談 👩🏽‍⚕️ ${long.repeat(4)}`;

  test('names, notes and plan text keep their direction and never overflow', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    const plan = [{ id: 'p1', what: `${arabic} ${long.repeat(4)}`, by_when: '', capabilities: [], target: null, status: 'not-started', updated_at: 1763700003000 }];
    const record = JSON.parse(seededCheck({ plan, notes: { [items[1].id]: note } }));
    record.data.print_notes = true;
    await seed(page, { 'mapscc/assessment/seeded': JSON.stringify(record) });
    await openApp(page, '/my-data');
    await page.getByLabel('Add a profile').fill(`${arabic} ${long}`);
    await page.getByRole('button', { name: 'Add profile' }).click();
    const name = page.locator('.app-profile__name strong').filter({ hasText: arabic });
    expect(await name.evaluate((element) => element.matches(':dir(rtl)'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page);

    await openApp(page, '/results/seeded');
    const what = page.locator('.app-plan__what').first();
    expect(await what.evaluate((element) => element.matches(':dir(rtl)'))).toBe(true);
    await expect(page.locator('.app-note').first()).toContainText('患者との面談 👩🏽‍⚕️');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.evaluate(() => [...document.querySelectorAll('.app-user-text')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1).map((element) => element.textContent.slice(0, 30)));
    expect(overflowing).toEqual([]);
  });
});
