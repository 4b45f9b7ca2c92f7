// Offline use and installing on a phone. Also run against a sub-path build
// (playwright.sub-path.config.mjs), so every address here is relative, with
// no leading slash: it resolves under the base URL either way.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp, reloadApp, watchForeignRequests } from './helpers.mjs';

// Pages of every wasm chunk (src/lazy.rs: explore, check, share), from every journey.
const MAIN_PAGES = ['./', 'roles', 'capabilities', 'check', 'results', 'my-data', 'workshop', 'about', 'glossary', 'review', 'evidence', 'packs'];

/** Waits until the service worker has kept the app and controls the page. */
async function waitForServiceWorker(page) {
  // Its scope is the document's base, so under a sub-path it looks after
  // that sub-path and nothing above it.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(await page.evaluate(() => document.baseURI));
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) await page.reload();
  await expect.poll(controlled).toBe(true);
}

test('the service worker is registered only once the app has taken over from the first page', async ({ page }) => {
  // Its install fetches every file the app may need: on a first visit over
  // a slow link that would share the link with the wasm (public/register-sw.js).
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => { await released; await route.continue().catch(() => {}); });
  await page.goto('./');
  await expect(page.locator('#app-static h1')).toBeVisible();
  await page.waitForTimeout(1500);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  release();
  await expect(page.locator('#app-static')).toHaveCount(0);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
});

async function startQuickCheck(page) {
  await openApp(page, 'check');
  await page.getByLabel('Physician associate (PA)').check();
  await page.getByLabel('Newly qualified', { exact: true }).check();
  await page.getByLabel('Quick check').check();
  await page.getByRole('button', { name: 'Start the check' }).click();
  await expect(page.locator('#step-heading')).toBeVisible();
}

test('after one visit every page opens offline, and a rating saved offline is kept', async ({ page, context, baseURL }) => {
  const foreign = watchForeignRequests(page);
  await openApp(page, './');
  await waitForServiceWorker(page);

  await context.setOffline(true);
  // The network must really be gone, for the service worker too: a file it
  // does not keep cannot be fetched.
  const reachable = await page.evaluate(() => fetch('precache-manifest.js', { cache: 'no-store' }).then(() => true, () => false));
  expect(reachable, 'the network is still reachable while offline').toBe(false);

  await reloadApp(page);
  // Every wasm chunk the chunk loader can ask for is kept, so a page never
  // visited before still opens offline (src/lazy.rs).
  const chunks = await page.evaluate(async () => {
    const loader = performance.getEntriesByType('resource')
      .map((entry) => entry.name)
      .find((name) => /\/lazy-loader-[0-9a-f]{16}\.js$/.test(new URL(name).pathname));
    if (!loader) return { loader: null, files: [] };
    const text = await (await fetch(loader)).text();
    const names = [...new Set(text.match(/lazy-[\w-]+-[0-9a-f]{16}\.wasm/g) ?? [])];
    const files = await Promise.all(names.map(async (name) => {
      const url = new URL(name, loader).href;
      return { name, kept: (await caches.match(url)) !== undefined, fetched: await fetch(url).then((response) => response.ok, () => false) };
    }));
    return { loader, files };
  });
  expect(chunks.loader, 'the app loaded no chunk loader').not.toBeNull();
  expect(chunks.files.length, 'the chunk loader names no chunk').toBeGreaterThan(0);
  for (const chunk of chunks.files) expect(chunk, chunk.name).toEqual({ name: chunk.name, kept: true, fetched: true });
  // Deep links too, including one two levels down, and every prerendered page.
  for (const path of [...MAIN_PAGES, 'roles/pa', 'roles/accp', 'about/sources', 'about/accessibility']) {
    await openApp(page, path);
    await expect(page).not.toHaveTitle(/Page not found/);
    // Not "Sorry, … could not be loaded": its chunk and content were kept.
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/^Sorry/);
    await expect(page).toHaveURL(new URL(path, baseURL).href);
  }

  await startQuickCheck(page);
  await page.getByLabel('With indirect supervision').check();
  const checkAddress = page.url();

  await context.setOffline(false);
  await page.reload();
  expect(page.url()).toBe(checkAddress);
  await expect(page.getByLabel('With indirect supervision')).toBeChecked();
  expect(foreign).toEqual([]);
});

test('after one visit the app opens at once from what is kept, even when the network hangs', async ({ page, context, baseURL }) => {
  await openApp(page, './');
  await waitForServiceWorker(page);
  // A phone on a poor signal: the server never answers. Every request for
  // an app address is held, so a worker that asked the network first would
  // leave the page waiting here.
  const asked = [];
  const held = /\/(check|roles(\/pa)?)?(\?.*)?$/;
  await context.route((url) => url.href.startsWith(baseURL) && held.test(url.pathname + url.search), (route) => {
    asked.push(route.request().url());
  });
  for (const path of ['./', 'check', 'roles/pa']) {
    await page.goto(path, { timeout: 10_000 });
    await expect(page.locator('#app-static')).toHaveCount(0, { timeout: 10_000 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page).not.toHaveTitle(/Page not found/);
  }
  expect(asked, 'the network was asked for a page the app keeps').toEqual([]);
  await context.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the install manifest names the app, starts at its base and has icons that load', async ({ page, request }) => {
  await openApp(page, './');
  const manifestAddress = await page.locator('link[rel="manifest"]').evaluate((link) => link.href);
  const base = await page.evaluate(() => document.baseURI);
  const response = await request.get(manifestAddress);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest.name).toBe('MAPs Capability Checker');
  expect(manifest.short_name).toBe('MAPs Checker');
  expect(manifest.display).toBe('standalone');
  expect(new URL(manifest.start_url, manifestAddress).href).toBe(base);
  expect(new URL(manifest.scope, manifestAddress).href).toBe(base);
  expect(manifest.icons.map((icon) => icon.purpose)).toContain('maskable');
  for (const icon of manifest.icons) {
    const image = await request.get(new URL(icon.src, manifestAddress).href);
    expect(image.ok(), icon.src).toBe(true);
    expect(image.headers()['content-type'], icon.src).toBe(icon.type);
  }
});

test('a host without rewrites answers deep links with 404.html, which is the app', async ({ request }) => {
  // index.html is the start page prerendered into the shell (src/prerender.rs):
  // the same head but for the title, so the same app, styles and policy.
  // The shell alone preloads the main wasm and fetches the scripts at the
  // usual priority (tools/post-build.mjs): it has no page worth drawing
  // before the app.
  const preloads = /<link rel="preload"[^>]*>/g;
  const head = (html) => html.slice(0, html.indexOf('</head>')).replace(/<title>[^<]*<\/title>/, '')
    .replaceAll(' fetchpriority="low"', '').replace(preloads, '');
  const index = await (await request.get('index.html')).text();
  const fallback = await request.get('404.html');
  expect(fallback.ok()).toBe(true);
  const shell = await fallback.text();
  expect(head(shell)).toBe(head(index));
  expect(index).not.toMatch(preloads);
  const boot = index.match(/src="?([^" >]*boot-[0-9a-f]+\.js)/)?.[1];
  expect(boot, 'the script that starts the app').toBeDefined();
  const wasm = (await (await request.get(new URL(boot, fallback.url()).href)).text())
    .match(/fetch\((["'])([^"']+_bg\.wasm)\1\)/)?.[2];
  expect(wasm, 'the main wasm that the start page loads').toBeDefined();
  expect(shell.match(preloads)).toEqual([`<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin>`]);
  expect(shell).toContain('<title>MAPs Capability Checker</title>');
  expect(shell).not.toContain('data-page=');
});

test('a new version is offered, not forced, and reloading to it keeps every answer', async ({ page, context }) => {
  // The first visit is given an older release: the same files under another
  // version. The browser's later update check is not routed, so it finds the
  // real build, which is then the new version.
  await context.route(/precache-manifest\.js$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/"version":\s*"[0-9a-f]+"/, '"version":"0000000000000000"');
    await route.fulfill({ response, body });
  });
  await openApp(page, './');
  await waitForServiceWorker(page);
  await context.unrouteAll();
  await startQuickCheck(page);
  await page.getByLabel('With indirect supervision').check();
  await page.getByLabel('Notes or evidence (optional)').fill('Seen in clinic');

  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    await registration.update();
  });
  const banner = page.getByRole('status').filter({ hasText: 'A new version of this app is available' });
  await expect(banner).toBeVisible();
  await expectNoAxeViolations(page);
  // Nothing changes until the user chooses.
  await page.waitForTimeout(500);
  await expect(page.getByLabel('Notes or evidence (optional)')).toHaveValue('Seen in clinic');
  const oldCache = await page.evaluate(() => caches.keys());
  expect(oldCache).toEqual([expect.stringMatching(/:0000000000000000$/), expect.stringMatching(/:[0-9a-f]{16}$/)]);

  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  await expect(page.getByLabel('With indirect supervision')).toBeChecked();
  await expect(page.getByLabel('Notes or evidence (optional)')).toHaveValue('Seen in clinic');
  await expect(banner).toHaveCount(0);
  // The old version's files are gone; only the new one's are kept.
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.not.stringMatching(/:0000000000000000$/)]);
});
