// Pages whose code is in a wasm chunk (src/lazy.rs): the first page loads
// no chunk, a deep link to a lazy page works from a cold start, and a chunk
// that cannot be fetched gives a "Try again" page that then works.
import { expect, test } from './fixtures.mjs';
import { expectNoAxeViolations, openApp, watchForeignRequests } from './helpers.mjs';
import { assessmentRecord, quickCheck, seed } from './seed.mjs';

const CHUNK = /\/lazy-[\w-]+-[0-9a-f]{16}\.wasm$/;

/** The chunk files the page fetches, and any CSP violation it reports. */
function watch(page) {
  const seen = { chunks: [], csp: [] };
  page.on('request', (request) => {
    if (CHUNK.test(new URL(request.url()).pathname)) seen.chunks.push(new URL(request.url()).pathname);
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) seen.csp.push(message.text());
  });
  return seen;
}

test('the home page fetches no chunk, and a deep link to a lazy page works from a cold start', async ({ page }) => {
  const foreign = watchForeignRequests(page);
  const seen = watch(page);
  await openApp(page, './');
  expect(seen.chunks).toEqual([]);

  await openApp(page, 'glossary');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  expect(seen.chunks.some((path) => path.includes('lazy-explore-'))).toBe(true);

  await openApp(page, 'results');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results');
  expect(seen.csp).toEqual([]);
  expect(foreign).toEqual([]);
});

test('pack files are read by the share chunk alone: the first load holds no pack reading and no csv crate', async ({ page, request }) => {
  const seen = watch(page);
  await openApp(page, './');
  // Text only the pack reader has (src/core/packs.rs): read_csv is the one
  // caller of the csv crate, so the crate goes wherever this text goes.
  const readerText = ['maps-capability-pack', 'the file could not be read as CSV from here on'];
  const mainWasm = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => entry.name)
    .find((name) => /\/maps-capability-checker-[0-9a-f]{16}_bg\.wasm$/.test(new URL(name).pathname)));
  expect(mainWasm, 'the main wasm was not loaded').toBeDefined();
  const main = (await (await request.get(mainWasm)).body()).toString('latin1');
  for (const text of readerText) expect(main.includes(text), text).toBe(false);

  await openApp(page, 'packs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local capability packs');
  const packs = seen.chunks.find((path) => /\/lazy-share-[0-9a-f]{16}\.wasm$/.test(path));
  expect(packs, 'the share chunk was not fetched').toBeDefined();
  const chunk = (await (await request.get(packs)).body()).toString('latin1');
  for (const text of readerText) expect(chunk.includes(text), text).toBe(true);
  expect(seen.csp).toEqual([]);
});

test('content files are read by code in the chunks: the first load holds neither roles.json nor the code that reads the files', async ({ page, request }) => {
  const seen = watch(page);
  await openApp(page, './');
  // The start page lists the roles from the index build.rs writes.
  await expect(page.getByRole('link', { name: 'Physician associate', exact: true })).toBeVisible();
  expect(seen.chunks).toEqual([]);
  const wasmOf = async (pattern) => {
    const names = await page.evaluate((source) => performance.getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new RegExp(source).test(new URL(name).pathname)), pattern.source);
    expect(names, `${pattern} was not loaded`).not.toEqual([]);
    const bodies = await Promise.all(names.map(async (name) => (await (await request.get(name)).body()).toString('latin1')));
    return bodies.join('\n');
  };
  const main = await wasmOf(/\/maps-capability-checker-[0-9a-f]{16}_bg\.wasm$/);
  // A source's address, only in roles.json; the names read_json puts in
  // its errors, only in the code that reads the files.
  const fileText = 'pa-and-aa-regulation-hub';
  const readerText = ['roles.json', 'framework.json'];
  expect(main.includes(fileText), fileText).toBe(false);
  for (const text of readerText) expect(main.includes(text), text).toBe(false);

  await openApp(page, 'roles/compare');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare the roles');
  const chunks = await wasmOf(CHUNK);
  for (const text of readerText) expect(chunks.includes(text), text).toBe(true);
  expect(seen.csp).toEqual([]);
});

test('the device\u2019s records are read by code in a chunk of their own, fetched only when something is stored', async ({ page, request }) => {
  const seen = watch(page);
  await openApp(page, './');
  const mainWasm = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => entry.name)
    .find((name) => /\/maps-capability-checker-[0-9a-f]{16}_bg\.wasm$/.test(new URL(name).pathname)));
  expect(mainWasm, 'the main wasm was not loaded').toBeDefined();
  const main = (await (await request.get(mainWasm)).body()).toString('latin1');
  // Text only records::decode has (src/core/records.rs).
  const decoderText = ['not a record of this app', 'format version 0 was never released'];
  for (const text of decoderText) expect(main.includes(text), text).toBe(false);
  // A first visit: nothing stored, nothing to read, no chunk.
  await openApp(page, 'check');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check my capabilities');
  expect(seen.chunks.filter((path) => path.includes('/lazy-records-'))).toEqual([]);
});

test('with something stored, the records come with their code: the start page offers to continue, and the results list them', async ({ page }) => {
  const seen = watch(page);
  const unfinished = JSON.parse(assessmentRecord({
    id: 'kept', role: 'pa', ratings: { [quickCheck('pa')[0].id]: 2 },
  }));
  unfinished.data.finished_at = null;
  await seed(page, { 'mapscc/assessment/kept': JSON.stringify(unfinished) });
  await openApp(page, './');
  await expect(page.getByRole('heading', { name: 'Continue your check' })).toBeVisible();
  expect(seen.chunks.some((path) => path.includes('/lazy-records-'))).toBe(true);
  await openApp(page, 'results');
  await expect(page.locator('main')).toContainText('Physician associate');
  expect(await page.evaluate(() => localStorage.getItem('mapscc/assessment/kept'))).toContain('"id":"kept"');
});

test('a page whose journey\u2019s code is here already is drawn at once: no "Loading" on screen between pages', async ({ page }) => {
  await openApp(page, 'roles');
  // The roles, about and accessibility pages share the explore chunk, but
  // each has a split function of its own, whose first call goes through
  // the chunk loader; neither of the last two needs a content file.
  await page.evaluate(() => {
    window.loadingSeen = [];
    const look = () => {
      const loading = document.querySelector('#app-page [data-app-loading]');
      if (loading) window.loadingSeen.push(loading.textContent);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.getByRole('link', { name: 'About', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About this app');
  await page.getByRole('link', { name: 'Accessibility statement', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
  expect(await page.evaluate(() => window.loadingSeen)).toEqual([]);
});

test.describe('without the service worker', () => {
  // Once installed, the service worker has every chunk (and requests it
  // answers pass no route): this is a first visit cut off before then.
  test.use({ serviceWorkers: 'block' });

  test('a lazy page reached by a link gets its title, focus and announcement once its chunk arrives, however slow', async ({ page }) => {
    // Longer than the ~5 s of frames navigation gives a page to draw its
    // heading: a page that shows it is loading is waited for.
    await page.route(CHUNK, async (route) => {
      await new Promise((done) => setTimeout(done, 6500));
      await route.continue();
    });
    await openApp(page, './');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Glossary', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toBeVisible();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Glossary', { timeout: 20_000 });
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle('Glossary - MAPs Capability Checker');
    await expect(page.locator('#app-announcer')).toHaveText('Glossary');
  });

  test('a page fetches its code and its content at the same time, not one after the other', async ({ page }) => {
    await openApp(page, './');
    // The framework is held back: the check's chunk must still be asked for.
    let release;
    const held = new Promise((done) => { release = done; });
    await page.route(/\/framework-[0-9a-f]{16}\.json$/, async (route) => {
      await held;
      await route.continue();
    });
    const chunkAsked = page.waitForRequest((request) => /\/lazy-check-[0-9a-f]{16}\.wasm$/.test(new URL(request.url()).pathname), { timeout: 10_000 });
    await page.getByRole('link', { name: 'Check my capabilities' }).first().click();
    await chunkAsked;
    await expect(page.getByRole('status').filter({ hasText: /^Loading / })).toBeVisible();
    release();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Check my capabilities');
    await expect(heading).toBeFocused();
  });

  test('when the content files cannot be fetched, one "Try again" fetches every file the page needs', async ({ page }) => {
    const content = /\/(framework|roles)-[0-9a-f]{16}\.json$/;
    await page.route(content, (route) => route.abort('internetdisconnected'));
    await openApp(page, 'roles/compare');
    // The page needs the framework and the roles: both failed.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, the capabilities could not be loaded');
    await expectNoAxeViolations(page);

    await page.unroute(content);
    await page.getByRole('button', { name: 'Try again' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Compare the roles');
    await expect(heading).toBeFocused();
    await expect(page.locator('main')).toContainText('Physician associate');
  });

  test('when a page\u2019s chunk fails, so does the code that reads its content: the page says its code is missing, not its content, and one "Try again" mends both', async ({ page }) => {
    await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
    await openApp(page, 'roles/compare');
    // The content files came: blaming them would send the reader astray.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, this page could not be loaded');
    await expect(page.locator('main')).toContainText('Part of the app that this page needs could not be downloaded.');
    await page.unroute(CHUNK);
    await page.getByRole('button', { name: 'Try again' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Compare the roles');
    await expect(heading).toBeFocused();
  });

  test('when the records\u2019 code cannot be fetched, a page that shows them says so, writes nothing, and "Try again" reads them', async ({ page }) => {
    const RECORDS = /\/lazy-records-[0-9a-f]{16}\.wasm$/;
    const stored = assessmentRecord({ id: 'kept', role: 'aa', ratings: { [quickCheck('aa')[0].id]: 3 } });
    await seed(page, { 'mapscc/assessment/kept': stored });
    await page.route(RECORDS, (route) => route.abort('internetdisconnected'));
    // Every page says so, the start page included, where "Continue your
    // check" would otherwise be missing without a word (fresh-user trial).
    await openApp(page, './');
    await expect(page.getByText('Your saved answers could not be read')).toBeVisible();
    await expectNoAxeViolations(page);
    // The banner's own "Try again", pressed while the code still cannot
    // come: seen and heard to have tried (fresh-user trial, session 13).
    // The banner stays while it tries: focus stays on the button, and
    // what changes is announced, on every failed try.
    const retry = page.getByRole('button', { name: 'Try reading them again' });
    await retry.focus();
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').filter({ hasText: 'Your saved answers' });
    await expect(status).toContainText('It still could not be downloaded.');
    await expect(retry).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status).toContainText('It still could not be downloaded.');
    await expect(retry).toBeFocused();
    // A page that shows the records says so itself, with one "Try again":
    // the banner's button beside it was a second for the same fault
    // (fresh-user trial, session 15).
    for (const path of ['results', 'check']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, your saved answers could not be loaded');
      await expect(page.locator('main')).toContainText('The part of the app that reads what you have saved on this device could not be downloaded.');
      await expect(page.getByRole('button', { name: /try/i })).toHaveCount(1);
    }
    await expectNoAxeViolations(page);
    await page.goto('results');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, your saved answers could not be loaded');
    expect(await page.evaluate(() => localStorage.getItem('mapscc/assessment/kept'))).toBe(stored);
    await page.getByRole('button', { name: 'Try again', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, your saved answers still could not be loaded');

    await page.unroute(RECORDS);
    await page.getByRole('button', { name: 'Try again', exact: true }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Results');
    await expect(heading).toBeFocused();
    await expect(page.locator('main')).toContainText('Anaesthesia associate');
    await expect(page.getByText('Your saved answers could not be read')).toHaveCount(0);
  });

  test('the banner\u2019s "Try reading them again" that works reads the records, and focus goes to the page\u2019s heading', async ({ page }) => {
    const RECORDS = /\/lazy-records-[0-9a-f]{16}\.wasm$/;
    const unfinished = JSON.parse(assessmentRecord({ id: 'kept', role: 'aa', ratings: { [quickCheck('aa')[0].id]: 3 } }));
    unfinished.data.finished_at = null;
    await seed(page, { 'mapscc/assessment/kept': JSON.stringify(unfinished) });
    await page.route(RECORDS, (route) => route.abort('internetdisconnected'));
    await openApp(page, './');
    await expect(page.getByText('Your saved answers could not be read')).toBeVisible();
    // Back on the start page from another: its heading was announced then.
    await page.getByRole('link', { name: 'About', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About this app');
    await page.goBack();
    const announcer = page.locator('#app-announcer');
    await expect(announcer).toHaveText(/Explore/);
    const announced = await announcer.textContent();
    await page.unroute(RECORDS);
    await page.getByRole('button', { name: 'Try reading them again' }).click();
    await expect(page.getByText('could not be read')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Continue your check' })).toBeVisible();
    // The button pressed is gone: focus goes to the page's heading, and it
    // is said again, though the announcer last said the same words (a live
    // region speaks only when its text changes: fresh-user trial, session 15).
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeFocused();
    const words = (await heading.textContent()).trim();
    expect(announced).toBe(words);
    await expect(announcer).toHaveText(words);
    expect(await announcer.textContent()).not.toBe(announced);
  });

  test('a chunk that cannot be fetched gives a page with "Try again", which then works', async ({ page }) => {
    const seen = watch(page);
    await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
    await openApp(page, 'results');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, this page could not be loaded');
    await expect(page).toHaveTitle('Sorry, this page could not be loaded - MAPs Capability Checker');
    await expectNoAxeViolations(page);
    // Pressed while the chunk still cannot come: seen and heard to have tried.
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, this page still could not be loaded');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.locator('#app-announcer')).toHaveText('Sorry, this page still could not be loaded');

    await page.unroute(CHUNK);
    await page.getByRole('button', { name: 'Try again' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Results');
    // The button pressed is gone: focus goes to the page that replaced it.
    await expect(heading).toBeFocused();
    await expect(page.locator('#app-announcer')).toHaveText('Results');
    // The app did not panic, and still moves between pages.
    await page.getByRole('link', { name: 'About', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About this app');
    // A later page that cannot be loaded was not tried again: no "still".
    await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'My data', exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, this page could not be loaded');
    expect(seen.csp).toEqual([]);
  });
});
