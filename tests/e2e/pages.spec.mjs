// Every page of the app loads, has one h1, and passes axe.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp, watchForeignRequests } from './helpers.mjs';

const pages = [
  ['/', 'Explore the Medical Associate Professions and check your capabilities'],
  ['/roles', 'Explore the roles'],
  ['/roles/pa', 'Physician associate (PA)'],
  ['/roles/aa', 'Anaesthesia associate (AA)'],
  ['/roles/scp', 'Surgical care practitioner (SCP)'],
  ['/roles/accp', 'Advanced critical care practitioner (ACCP)'],
  ['/capabilities', 'Browse the capabilities'],
  ['/check', 'Check my capabilities'],
  ['/results', 'Results'],
  ['/my-data', 'My data'],
  ['/packs', 'Local capability packs'],
  ['/about', 'About this app'],
  ['/about/sources', 'Sources and disclaimer'],
  ['/roles/compare', 'Compare the roles'],
  ['/roles/route-finder', 'Find your route into a role'],
  ['/workshop', 'Workshops and shared devices'],
  ['/glossary', 'Glossary'],
  ['/evidence', 'Evidence and CPD diary'],
  ['/about/accessibility', 'Accessibility statement'],
  ['/no/such/page', 'Page not found'],
];

for (const [path, heading] of pages) {
  test(`${path} shows its heading and passes axe`, async ({ page }) => {
    const foreign = watchForeignRequests(page);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await openApp(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toContainText('Your answers stay on this device');
    await expectNoAxeViolations(page);
    expect(errors, 'console errors').toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);
  });
}

test('the static first paint names the app before the wasm runs', async ({ page }) => {
  await page.route(/\.wasm$/, () => {}); // never answer: the wasm never arrives
  // The shell, for a page that is not prerendered: it names no page.
  await page.goto('/results');
  await expect(page.locator('#app-static h1')).toHaveText('MAPs Capability Checker');
  await expect(page.locator('#app-static')).toContainText('Opening this page…');
  await expect(page.getByRole('banner')).toContainText('MAPs Capability Checker');
  await expect(page.getByRole('contentinfo')).toContainText('Accessibility statement');
  // Until the app can follow it, the skip link would load the home page ("#maincontent" against <base>).
  await expect(page.locator('.nhsuk-skip-link')).toBeHidden();
  await expect(page.locator('#app-static')).toContainText('Not the official MAPs Core Capabilities Framework, and not an NHS service.');
  // Styled by the inline CSS, which needs no other request.
  await expect(page.locator('header')).toHaveCSS('background-color', 'rgb(0, 94, 184)');
});

test('when the app cannot start, the static page says so in place of "Opening…", and a prerendered page keeps its content', async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto('/check/new?role=pa&stage=student-or-trainee&scope=quick');
  const alert = page.locator('#app-static [role="alert"]');
  await expect(alert).toContainText('The app could not start');
  await expect(alert).toContainText('Reload the page to try again.');
  await expect(page.locator('#app-static').getByText('Opening this page…')).toBeHidden();
  await expectNoAxeViolations(page);
  await page.goto('/roles/pa');
  await expect(page.locator('#app-static [role="alert"]')).toContainText('The app could not start');
  await expect(page.locator('#app-static h1')).toHaveText('Physician associate (PA)');
  await expect(page.locator('#app-static')).toContainText('Regulation');
});

test('the app replaces the static first page only after it is on screen', async ({ page }) => {
  // Were the app to draw first, its page would be the largest paint and a
  // slow phone would wait for the whole wasm to see it.
  await page.addInitScript(() => {
    window.largestPaints = [];
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) {
        window.largestPaints.push(entry.element?.closest('#app-static') ? 'static' : 'app');
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // Whether the browser had reported its first paint when the static
    // page was taken away.
    new MutationObserver((changes, observer) => {
      if (changes.some((change) => [...change.removedNodes].some((node) => node.id === 'app-static'))) {
        window.paintedBeforeReplaced = performance.getEntriesByName('first-contentful-paint').length > 0;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await openApp(page, '/');
  expect(await page.evaluate(() => window.paintedBeforeReplaced)).toBe(true);
  // The largest paint may be reported more than once while the static page
  // settles (a phone's header wraps); none may come from the app.
  const paints = await page.evaluate(() => window.largestPaints);
  expect(paints.length).toBeGreaterThan(0);
  expect(paints.filter((paint) => paint !== 'static')).toEqual([]);
});

test('a link focused on the static first page keeps the focus when the app takes over', async ({ page }) => {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => { await released; await route.continue(); });
  await page.goto('/');
  await page.getByRole('link', { name: 'Explore roles', exact: true }).focus();
  release();
  await expect(page.locator('#app-static')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Explore roles', exact: true })).toBeFocused();
});

test('every fact on every role page points to a listed source with its checked date', async ({ page }) => {
  for (const role of ['pa', 'aa', 'scp', 'accp']) {
    await openApp(page, `/roles/${role}`);
    await expect(page.locator('section.app-role-section')).toHaveCount(11);
    const problems = await page.evaluate(() => {
      const found = [];
      const facts = [...document.querySelectorAll('.app-fact')];
      if (facts.length < 20) found.push(`only ${facts.length} facts`);
      for (const fact of facts) {
        const links = [...fact.querySelectorAll('.app-refs a')];
        if (links.length === 0) found.push(`no source: ${fact.innerText}`);
        for (const link of links) {
          const entry = document.querySelector(`#sources ${link.getAttribute('href')}`);
          const address = entry?.querySelector('a')?.getAttribute('href') ?? '';
          if (!/^https:\/\/[^/]+\/[^?#]+/.test(address)) found.push(`not a page: ${address}`);
          if (!/Checked \d{1,2} \w+ \d{4}\./.test(entry?.textContent ?? '')) found.push(`no date: ${link.textContent}`);
        }
      }
      return found;
    });
    expect(problems, role).toEqual([]);
  }
});

test('the sources page links every source', async ({ page }) => {
  await openApp(page, '/about/sources');
  const links = page.locator('.app-source-list a');
  expect(await links.count()).toBeGreaterThan(20);
  for (const href of await links.evaluateAll((anchors) => anchors.map((a) => a.href))) {
    expect(href).toMatch(/^https:\/\//);
  }
});

test.describe('content fetched when a page needs it', () => {
  // Without a service worker the fetch goes to the network, where the test
  // can make it fail.
  test.use({ serviceWorkers: 'block' });

  test('the first page does not fetch the framework or the glossary', async ({ page }) => {
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await openApp(page, '/');
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((path) => /(framework|glossary)-[0-9a-f]+\.json$/.test(path))).toEqual([]);
  });

  test('a page whose content cannot be fetched says so, and Try again loads it', async ({ page }) => {
    const framework = /\/framework-[0-9a-f]+\.json$/;
    await page.route(framework, (route) => route.abort());
    await openApp(page, '/capabilities');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, the capabilities could not be loaded');
    await expect(page.locator('main')).toContainText('Nothing you have saved is affected');
    await expectNoAxeViolations(page);
    // Pressed while the file still cannot come, the page says so: the same
    // page drawn again would seem to have done nothing (fresh-user trial).
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, the capabilities still could not be loaded');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.unroute(framework);
    await page.getByRole('button', { name: 'Try again' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Browse the capabilities');
    await expect(heading).toBeFocused();
  });
});
