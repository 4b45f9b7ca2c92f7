// Prerendered pages (src/prerender.rs, issue 25): the build draws the pages
// that read the same for everyone into their own HTML, which is read, and
// whose links are followed, before the wasm arrives; the app then draws the
// same page over it. Also run against a sub-path build
// (playwright.sub-path.config.mjs), so every address here is relative.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations } from './helpers.mjs';
import { quickCheck } from './seed.mjs';

// Holding the wasm back holds the app back only while no service worker
// serves it from its cache (offline.spec.mjs covers the worker).
test.use({ serviceWorkers: 'block' });

// Every page src/prerender.rs `pages()` names, with the header link marked
// as its section.
const PRERENDERED = [
  ['./', null],
  ['roles', 'Explore roles'],
  ['roles/pa', 'Explore roles'],
  ['roles/aa', 'Explore roles'],
  ['roles/scp', 'Explore roles'],
  ['roles/accp', 'Explore roles'],
  ['check', 'Check my capabilities'],
  ['glossary', null],
  ['about', 'About'],
  ['about/sources', 'About'],
  ['about/accessibility', 'About'],
];

/** Holds every wasm request until `release()`: the app cannot start before. */
async function holdTheApp(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => {
    await released;
    await route.continue().catch(() => {}); // the page may have gone
  });
  return release;
}

/** What a reader gets from the page as it is now. */
async function shown(page) {
  return {
    title: await page.title(),
    main: await page.locator('#maincontent').innerText(),
    current: await page.locator('.app-navigation__list a[aria-current="page"]').allInnerTexts(),
  };
}

for (const [path, section] of PRERENDERED) {
  test(`${path} is on screen before the app, and the app draws the same page over it`, async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto(path);
    await expect(page.locator('#app-static #maincontent h1')).toBeVisible();
    const prerendered = await shown(page);
    expect(prerendered.title).not.toBe('MAPs Capability Checker');
    expect(prerendered.current).toEqual(section ? [section] : []);
    release();
    await expect(page.locator('#app-static')).toHaveCount(0);
    await expect(page.locator('#maincontent h1')).toBeVisible();
    expect(await shown(page)).toEqual(prerendered);
  });
}

test('the app takes over where the reader is: scrolled, focused, a section open, and never "Loading"', async ({ page }) => {
  // Whether the app's page still showed it was loading when the static page went.
  await page.addInitScript(() => {
    new MutationObserver((changes, observer) => {
      if (changes.some((change) => [...change.removedNodes].some((node) => node.id === 'app-static'))) {
        window.loadingAtTakeOver = document.querySelector('#app-page > main [data-app-loading]') !== null;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const release = await holdTheApp(page);
  await page.goto('roles/pa');
  await expect(page.locator('#app-static h1')).toBeVisible();
  // The skip link works before the app: it names this page.
  await expect(page.locator('.nhsuk-skip-link')).toHaveAttribute('href', /\/roles\/pa#maincontent$/);
  await page.locator('#app-static details summary').first().click();
  const sources = page.locator('#app-static').getByRole('link', { name: 'sources', exact: true });
  await sources.focus();
  await page.evaluate(() => window.scrollTo(0, 1500));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(1000);
  release();
  await expect(page.locator('#app-static')).toHaveCount(0);
  expect(await page.evaluate(() => window.loadingAtTakeOver)).toBe(false);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(50);
  await expect(page.locator('#maincontent').getByRole('link', { name: 'sources', exact: true })).toBeFocused();
  await expect(page.locator('#maincontent details').first()).toHaveAttribute('open', '');
  // The app follows the skip link from now on.
  await expect(page.locator('.nhsuk-skip-link')).toHaveAttribute('href', '#maincontent');
});

test('a section reached by "On this page" before the app keeps the focus when the app takes over', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('roles/pa');
  const contents = page.locator('#app-static').getByRole('navigation', { name: 'On this page' });
  await contents.locator('summary').click();
  await contents.getByRole('link', { name: 'Pay', exact: true }).click();
  await expect(page.locator('#app-static h2', { hasText: /^Pay$/ })).toBeFocused();
  release();
  await expect(page.locator('#app-static')).toHaveCount(0);
  await expect(page.locator('#maincontent h2', { hasText: /^Pay$/ })).toBeFocused();
  // The next Tab goes on from there, not back to the top of the page.
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.closest('section')?.getAttribute('aria-labelledby') ?? null);
  expect(next).not.toBeNull();
});

test('before the app arrives, a prerendered page passes axe and its links lead to other prerendered pages', async ({ page, baseURL }) => {
  await holdTheApp(page); // never released
  await page.goto('roles/pa');
  await expect(page.locator('#app-static h1')).toHaveText('Physician associate (PA)');
  await expectNoAxeViolations(page);
  // A place on the page: with <base>, a bare "#sources" would load the start page.
  await page.locator('#app-static').getByRole('link', { name: 'sources', exact: true }).click();
  await expect(page).toHaveURL(new URL('roles/pa#sources', baseURL).href);
  await expect(page.locator('#app-static h1')).toHaveText('Physician associate (PA)');
  await page.getByRole('link', { name: 'All roles' }).click();
  await expect(page).toHaveURL(new URL('roles', baseURL).href);
  await expect(page.locator('#app-static h1')).toHaveText('Explore the roles');
  await page.getByRole('link', { name: 'Anaesthesia associate (AA)' }).click();
  await expect(page.locator('#app-static h1')).toHaveText('Anaesthesia associate (AA)');
});

test('wording that changes on a date is right on the reader\u2019s day before the app arrives', async ({ page }) => {
  await holdTheApp(page); // never released
  await page.clock.setFixedTime(new Date('2027-01-01T12:00:00'));
  await page.goto('roles/pa');
  await expect(page.locator('#app-static')).toContainText('Working as a PA without GMC registration is now an offence.');
  await expect(page.locator('#app-static')).not.toContainText('will be an offence');
});

test('a page that is not prerendered gets the shell, which stands for no page', async ({ page }) => {
  await holdTheApp(page); // never released
  await page.goto('results');
  await expect(page.locator('#app-static h1')).toBeVisible();
  await expect(page.locator('#app-static')).not.toHaveAttribute('data-page');
  await expect(page.locator('.app-navigation__list a[aria-current]')).toHaveCount(0);
});

// src/prerender.rs `shells()`: pages that are not prerendered but have an
// address of their own get a copy of the shell that preloads their code
// and content. A supervisor's first visit to /review is the case in point.
const SHELLS = [
  ['review', 'Review a colleague’s assessment'],
  ['results', 'Results'],
  ['packs', 'Local capability packs'],
  ['workshop', 'Workshops and shared devices'],
];

for (const [path, heading] of SHELLS) {
  test(`a first visit to ${path} fetches its code and content with the HTML, each file once, and nothing it did not preload`, async ({ page }) => {
    const fetched = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (/\.(wasm|json)$/.test(pathname)) fetched.push(pathname);
    });
    await page.goto(path);
    await expect(page.locator('#app-static')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"]')]
      .map((link) => new URL(link.href).pathname));
    // The main wasm, the page's own chunk and at least one shared chunk.
    expect(preloaded.filter((file) => /_bg\.wasm$/.test(file))).toHaveLength(1);
    expect(preloaded.filter((file) => /\/lazy-[a-z]+-[0-9a-f]{16}\.wasm$/.test(file))).toHaveLength(1);
    expect(preloaded.some((file) => /\/lazy-chunk_\d+-[0-9a-f]{16}\.wasm$/.test(file))).toBe(true);
    // A preload the page's own fetch did not match would be fetched twice.
    expect([...fetched].sort()).toEqual([...preloaded].sort());
  });
}

test('a page drawn in place of the shell\u2019s "Opening this page\u2026" moves nothing on screen', async ({ page }) => {
  // Layout shifts with no input before them, as Core Web Vitals count them:
  // the footer under the short shell was pushed across the screen (0.43 on
  // /packs on a phone).
  await page.addInitScript(() => {
    window.appLayoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.appLayoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const path of ['packs', 'workshop', 'review', 'results/a-1']) {
    await page.goto(path);
    await expect(page.locator('#app-static')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Shifts are reported after the frame that made them.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => window.appLayoutShift), path).toBeLessThan(0.01);
  }
});

// The start of a check is a plain GET form in its prerendered copy: it
// works before the app arrives, for a visitor with nothing stored.
test.describe('the start of a check before the app arrives', () => {
  const choose = async (within) => {
    await within.getByLabel('Physician associate (PA)').check();
    await within.getByLabel('Newly qualified', { exact: true }).check();
    await within.getByLabel('Quick check').check();
  };

  test('choices made on it carry over to the app, which starts the check', async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto('check');
    const form = page.locator('#app-static form');
    await expect(form).toBeVisible();
    await expectNoAxeViolations(page);
    await choose(form);
    await form.getByLabel('Quick check').focus();
    release();
    await expect(page.locator('#app-static')).toHaveCount(0);
    await expect(page.getByLabel('Physician associate (PA)')).toBeChecked();
    await expect(page.getByLabel('Newly qualified', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Quick check')).toBeChecked();
    await expect(page.getByLabel('Quick check')).toBeFocused();
    // The app heard of each choice: its own hint follows the role.
    await expect(page.locator('#maincontent')).toContainText(`${quickCheck('pa').length} capabilities chosen for the role`);
    await page.getByRole('button', { name: 'Start the check' }).click();
    await expect(page.locator('#step-heading')).toBeVisible();
    await expect(page).toHaveURL(/\/check\/a-/);
  });

  test('sent before the app is in, it starts that check, and Back returns to the form', async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto('check');
    await choose(page.locator('#app-static form'));
    await page.locator('#app-static').getByRole('button', { name: 'Start the check' }).click();
    await expect(page).toHaveURL(/\/check\/new\?role=pa&stage=newly-qualified&scope=quick&start=$/);
    release();
    await expect(page.locator('#step-heading')).toBeVisible();
    await expect(page).toHaveURL(/\/check\/a-[^/?]+$/);
    await expect(page.locator('#maincontent')).toContainText('Question 1 of 14');
    await expect(page.locator('#maincontent')).toContainText('physician associates always work under supervision');
    await page.goBack();
    await expect(page).toHaveURL(/\/check$/);
    await expect(page.getByRole('heading', { name: 'My assessments' })).toBeVisible();
    // One check was started, not two, and the form is not filled in again
    // to start the same one twice.
    await expect(page.locator('.app-assessment')).toHaveCount(1);
    await expect(page.locator('#maincontent form input:checked')).toHaveCount(0);
  });

  test('sent with a choice missing, the app keeps the others and says what is missing', async ({ page }) => {
    await page.goto('check/new?role=aa&scope=full');
    const summary = page.locator('.nhsuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText(['Select your stage']);
    await expect(page.getByLabel('Anaesthesia associate (AA)')).toBeChecked();
    await expect(page.getByLabel('Full check')).toBeChecked();
    await expectNoAxeViolations(page);
    // Put right and started, the check takes the error's place: Back does
    // not return to it.
    await page.goto('about');
    await page.goto('check/new?role=aa&scope=full');
    await expect(summary).toBeFocused();
    await page.getByLabel('Newly qualified', { exact: true }).check();
    await page.getByRole('button', { name: 'Start the check' }).click();
    await expect(page.locator('#step-heading')).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/about$/);
  });

  test('opened with none of the form\u2019s fields, the address is the form, with no errors; sent empty, it says what is missing', async ({ page }) => {
    await page.goto('check/new');
    await expect(page.locator('#app-static')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check my capabilities');
    await expect(page.locator('.nhsuk-error-summary')).toHaveCount(0);
    await expect(page).not.toHaveTitle(/^Error: /);
    await expectNoAxeViolations(page);
    // What the prerendered form sends with nothing chosen: its button.
    await page.goto('check/new?start=');
    const summary = page.locator('.nhsuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveCount(3);
  });

  test('a role in the address is chosen on it, as the app would', async ({ page }) => {
    await holdTheApp(page); // never released
    await page.goto('check?role=scp');
    await expect(page.locator('#app-static').getByLabel('Surgical care practitioner (SCP)')).toBeChecked();
  });

  test('with anything of the app\u2019s stored, it waits for the app, which can show it', async ({ page }) => {
    await page.goto('about');
    await page.evaluate(() => localStorage.setItem('mapscc/settings', '{}'));
    const release = await holdTheApp(page);
    await page.goto('check');
    await expect(page.locator('#app-static')).toContainText('Opening what is saved in this browser');
    await expect(page.locator('#app-static form')).toBeHidden();
    release();
    await expect(page.locator('#app-static')).toHaveCount(0);
    await expect(page.locator('#maincontent form')).toBeVisible();
  });
});
