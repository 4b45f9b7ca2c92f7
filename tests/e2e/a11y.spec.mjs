// Accessibility beyond the per-page smoke test: axe with WCAG 2.2 AA and
// best-practice rules at three widths and in forced colours, reflow at
// 320 px (the width of a 1,280 px screen at 400% zoom), and text spacing.
import { expect, test } from './fixtures.mjs';
import { AXE_TAGS, axeViolations, openApp } from './helpers.mjs';
import { assessmentRecord, quickCheck, seed } from './seed.mjs';

const TAGS = [...AXE_TAGS, 'best-practice'];

async function showErrorSummary(page) {
  await page.getByRole('button', { name: 'Start the check' }).click();
  await expect(page.locator('#error-summary')).toBeVisible();
}

const partWay = JSON.parse(assessmentRecord({
  id: 'part-way', role: 'accp',
  ratings: Object.fromEntries(quickCheck('accp').slice(0, 3).map((c) => [c.id, 3])),
}));
partWay.data.finished_at = null;
partWay.data.current = quickCheck('accp')[3].id;
const finished = assessmentRecord({
  id: 'finished', role: 'scp',
  ratings: Object.fromEntries(quickCheck('scp').map((c, i) => [c.id, i === 0 ? 'n/a' : 1 + (i % 4)])),
});

const pages = [
  { name: '/check part-way through a quick check', path: '/check/part-way', seed: { 'mapscc/assessment/part-way': JSON.stringify(partWay) } },
  { name: '/results with answers', path: '/results/finished', seed: { 'mapscc/assessment/finished': finished } },
  { name: '/results/finished/review', path: '/results/finished/review', seed: { 'mapscc/assessment/finished': finished } },
  { name: '/review', path: '/review' },
  {
    name: '/my-data with the clear-device dialog open', path: '/my-data',
    prepare: (page) => page.getByRole('button', { name: 'Clear this device' }).click(),
  },
  {
    name: '/my-data with an import error shown', path: '/my-data',
    prepare: async (page) => {
      await page.getByLabel('Backup file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
      await expect(page.locator('#import-file-error')).toBeVisible();
    },
  },
  { name: '/roles/compare', path: '/roles/compare' },
  { name: '/roles/route-finder', path: '/roles/route-finder' },
  { name: '/workshop', path: '/workshop' },
  {
    name: '/workshop in presenter mode', path: '/workshop',
    prepare: (page) => page.getByRole('button', { name: 'Start presenter mode' }).click(),
  },
  { name: '/', path: '/' },
  { name: '/roles', path: '/roles' },
  { name: '/roles/pa', path: '/roles/pa' },
  { name: '/capabilities', path: '/capabilities' },
  { name: '/check', path: '/check' },
  { name: '/check with the error summary', path: '/check', prepare: showErrorSummary },
  { name: '/results', path: '/results' },
  { name: '/my-data', path: '/my-data' },
  { name: '/about', path: '/about' },
  { name: '/about/sources', path: '/about/sources' },
  { name: '/about/accessibility', path: '/about/accessibility' },
  { name: '/glossary', path: '/glossary' },
  { name: '/evidence', path: '/evidence' },
];

// Each state is opened once at 320 px, then resized: the same page is
// checked at every width, as a phone turned on its side would be.
const views = [
  { name: '320 px wide', width: 320 },
  { name: '390 px wide', width: 390 },
  { name: '1280 px wide', width: 1280 },
  { name: 'forced colours', width: 1280, forcedColors: true },
];

const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

// Tests that set their own width run in the desktop project only: both
// projects would repeat the work, and the phone project's mobile emulation
// lets the page zoom out, which hides sideways overflow.
function desktopOnly() {
  test.beforeEach(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'each test sets its own width');
  });
}

async function open(page, { path, prepare, seed: records }, width) {
  if (records) await seed(page, records);
  await page.setViewportSize({ width, height: 800 });
  await openApp(page, path);
  if (prepare) await prepare(page);
}


/** How far the page is wider than the window, in CSS px: 0 when it reflows. */
function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Elements that hide their overflow and have more content than room: cut-off text. */
function clippedElements(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => {
        const style = getComputedStyle(element);
        const hides = [style.overflowX, style.overflowY].some((value) => value === 'hidden' || value === 'clip');
        // Visually hidden text is meant to be clipped to a 1 px box.
        if (!hides || element.clientWidth <= 1 || element.clientHeight <= 1) return false;
        return element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
      })
      .map((element) => `${element.tagName.toLowerCase()}.${(element.getAttribute('class') || '').trim().split(/\s+/).join('.')}`),
  );
}

test.describe('axe and reflow', () => {
  desktopOnly();

  test('the axe check finds a fault planted in the page', async ({ page }) => {
    await openApp(page, '/');
    expect(await axeViolations(page, TAGS)).toEqual([]);
    await page.evaluate(() => document.querySelector('main').append(document.createElement('button')));
    expect((await axeViolations(page, TAGS)).join('\n')).toContain('button-name');
  });

  for (const target of pages) {
    test(`${target.name} reflows at 320 px and passes axe, best practice included, at every width and in forced colours`, async ({ page }) => {
      await open(page, target, 320);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'page width in CSS px at 320 px').toBeLessThanOrEqual(320);
      for (const view of views) {
        await page.setViewportSize({ width: view.width, height: 800 });
        if (view.forcedColors) await page.emulateMedia({ forcedColors: 'active' });
        expect(await axeViolations(page, TAGS), `axe violations at ${view.name}`).toEqual([]);
      }
    });
  }
});

test.describe('text spacing', () => {
  // A reader's own spacing comes from a user style sheet or an extension,
  // which the page's Content-Security-Policy does not block; an injected
  // <style> would be, so the test lifts the policy to stand in for them.
  test.use({ bypassCSP: true });
  desktopOnly();

  for (const path of ['/', '/check']) {
    for (const width of [320, 1280]) {
      test(`${path} keeps all its text with WCAG text spacing at ${width} px`, async ({ page }) => {
        await open(page, { path }, width);
        await page.addStyleTag({ content: TEXT_SPACING });
        expect(await horizontalOverflow(page), 'sideways overflow in CSS px').toBeLessThanOrEqual(0);
        expect(await clippedElements(page), 'elements cutting off their text').toEqual([]);
      });
    }
  }
});

test('the glossary jump list moves focus to the chosen letter', async ({ page }) => {
  await openApp(page, '/glossary');
  const jumpList = page.getByRole('navigation', { name: 'Glossary, A to Z' });
  await jumpList.getByRole('link', { name: 'R', exact: true }).click();
  await expect(page.locator('#glossary-r')).toBeFocused();
  await expect(page).toHaveURL(/\/glossary$/);
  const royal = page.locator('dt', { hasText: 'Royal College of Anaesthetists' });
  await expect(royal).toBeVisible();
  await expect(royal.locator('xpath=..')).toContainText('Also called: RCoA.');
});

test('the glossary and the accessibility statement are linked from the footer', async ({ page }) => {
  await openApp(page, '/');
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('link', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  expect(await page.locator('dl.app-glossary dt').count()).toBeGreaterThanOrEqual(30);
  await footer.getByRole('link', { name: 'Accessibility statement' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
  await expect(page.locator('main')).toContainText('21 November 2026');
});

test('the About page links to the accessibility statement', async ({ page }) => {
  await openApp(page, '/about');
  await page.getByRole('link', { name: 'Read the full accessibility statement' }).click();
  await expect(page).toHaveURL(/\/about\/accessibility$/);
  await expect(page).toHaveTitle('Accessibility statement - MAPs Capability Checker');
});

test('every file input is NHS.UK\u2019s, at least 44 px tall, with the yellow focus', async ({ page }) => {
  // They had a class NHS.UK frontend 10 no longer styles: 21 px tall on a
  // phone, with only the browser's thin focus ring.
  for (const path of ['packs', 'my-data', 'review']) {
    await openApp(page, path);
    const input = page.locator('#maincontent input[type="file"]');
    await expect(input, path).toHaveCount(1);
    await expect(input, path).toHaveClass(/\bnhsuk-file-upload__input\b/);
    const box = await input.boundingBox();
    expect(box.height, path).toBeGreaterThanOrEqual(44);
    await input.focus();
    // NHS.UK's focus colour, #ffeb3b.
    expect(await input.evaluate((element) => getComputedStyle(element).outlineColor), path).toBe('rgb(255, 235, 59)');
  }
});
