// `make bench`: speed and size of the release build in dist/, against the
// targets in the issues, printed as one Markdown table for BENCHMARKS.md.
// 0. The bytes the first page loads (tools/size-budget.mjs).
// 1. Lighthouse, mobile, default simulated throttling: median of 5 runs.
// 2. Choosing a rating on a quick check, desktop Chromium via Playwright:
//    p95 of 50 samples, then again with the CPU slowed 4 times.
// 3. The scale cases: `cargo bench --bench scale` (native core timings),
//    which also writes each size's generated framework and full assessment
//    (benches/scale.rs, `SCALE_FIXTURES_DIR`).
// 4. The results page of those assessments rendered in desktop Chromium at
//    100, 1,000 and 5,000 capabilities: median of several in-app visits,
//    and at 1,000 once more with the CPU slowed 4 times; then saving a
//    rating to each of them, p95 as in 2.
// 5. App ready: from navigation until the page asked for is on screen, its
//    <h1> drawn, and its controls take input: the app's own page, or the
//    build's prerendered copy, whose only controls are links and a GET
//    form that works without the app (see `oursReady`). Also "drawn":
//    until the app has replaced the static page
//    (index.html's #app-static) with its own. Chromium with CDP network
//    throttling (150 ms latency, 1.6 Mbps down, 750 kbps up) and the CPU
//    slowed 4×, median of 5, on /, /roles/pa and /check: a first visit (new
//    profile: empty cache, no service worker) and a return visit (service
//    worker installed).
//    In each round our first visit is followed by one of the start page of
//    the W3C WCAG-EM Report Tool (issue 25's peer) under the same
//    conditions (ours, theirs, ours…); the table gives the ratio of the two
//    medians, whose target is READY_RATIO. WCAG-EM is
//    ready when its <main> holds the start page's <h1> and its first
//    control is visible and enabled (in a new profile the link in the
//    welcome notice; "New report" comes in the same pass). Svelte mounts
//    the whole app, layout, start page and event handlers, in one pass
//    once svelte-i18n has the English texts; before that its container
//    only says "Loading WCAG Report Tool". Both apps are checked on every
//    animation frame by the same script. WCAG-EM is fetched with git at
//    WCAG_EM.commit (WCAG_EM_GIT may name another clone, such as a local
//    one where GitHub cannot be reached), built once with its lock file and
//    `npx rollup -c` into .tools/peers/wcag-em, given brotli copies as our
//    build has, and served by tools/serve.mjs on the next port. Its page
//    also asks www.w3.org for the WAI site's stylesheet and images: every
//    host but 127.0.0.1 fails at once here (Chromium's host resolver
//    rules), so WCAG-EM loads less than on the web and is, if anything,
//    ready sooner than there.
// Not part of `make test`: the numbers vary with the machine and its load,
// so they are recorded, not asserted.
// `BENCH_ONLY=scale-browser node tools/bench.mjs` runs only 3 and 4 and
// prints their rows (no Lighthouse, no rating clicks), against dist/ as built;
// `BENCH_ONLY=ready` runs only 5; `BENCH_READY_RUNS=1` takes fewer turns;
// `BENCH_READY_PATHS=/check,/roles` measures other pages;
// `BENCH_READY_STORED=1` visits them with an assessment already stored, as
// a practitioner returns (so the device's records are read at start-up);
// `BENCH_ONLY=lighthouse` runs only 1, on each of `BENCH_LIGHTHOUSE_PATHS`
// (by default /, /check and /roles/pa; the whole bench runs it on /).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
const PORT = Number(process.env.BENCH_PORT || 4181);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LIGHTHOUSE_RUNS = 5;
const SAMPLES = 50;
const WARM_UP = 5;
const SIZES = [100, 1000, 5000];
// Results-page visits timed per size, after a first visit (which also
// fetches and reads the framework) and one discarded warm-up visit.
const RESULTS_RUNS = 7;
const RESULTS_RUNS_THROTTLED = 3;
const ONLY = process.env.BENCH_ONLY || '';
if (ONLY && !['scale-browser', 'ready', 'lighthouse'].includes(ONLY)) throw new Error(`BENCH_ONLY=${ONLY}: only "scale-browser", "ready" and "lighthouse" are known`);
const READY_RUNS = Number(process.env.BENCH_READY_RUNS || 5);
// The start page, a deep link to a role from a search result, and the check.
const READY_PATHS = process.env.BENCH_READY_PATHS?.split(',') ?? ['/', '/roles/pa', '/check'];
const READY_STORED = process.env.BENCH_READY_STORED === '1';
// Issue 25: ready at most two thirds of WCAG-EM's on a first visit.
const READY_RATIO = 0.67;
// Issue 25's peer: the W3C WCAG-EM Report Tool 3.0.3 as of "Update logo
// (#254)", 23 January 2026.
const WCAG_EM = {
  git: process.env.WCAG_EM_GIT || 'https://github.com/w3c/wai-wcag-em-report-tool.git',
  commit: '08f3173a8e8181a87ae54ca01db987a6734c00a2',
  folder: '.tools/peers/wcag-em',
  origin: `http://127.0.0.1:${PORT + 1}`,
};
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
// Nearest-rank percentile: with 50 samples, p95 is the 48th smallest.
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};

// Returns the native timings by size, and the files benches/scale.rs wrote
// for the browser case: { framework, assessment, key } by size. The caller
// removes `sizes.folder`.
function scale() {
  console.error('Scale: cargo bench --bench scale (the first run compiles for several minutes)');
  const folder = mkdtempSync(join(tmpdir(), 'mapscc-scale-'));
  const run = spawnSync('cargo', ['bench', '--bench', 'scale'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SCALE_FIXTURES_DIR: folder },
  });
  if (run.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`cargo bench failed with status ${run.status}`);
  }
  process.stderr.write(run.stdout);
  const sizes = { folder, fixtures: {} };
  for (const line of run.stdout.split('\n')) {
    const fields = Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map(([, key, value]) => [key, Number(value)]));
    if (line.startsWith('scale ')) sizes[fields.capabilities] = fields;
    if (line.startsWith('real ')) sizes.real = fields;
    if (line.startsWith('fixture ')) {
      const text = Object.fromEntries([...line.matchAll(/(\w+)=(\S+)/g)].map(([, key, value]) => [key, value]));
      sizes.fixtures[text.capabilities] = {
        key: text.key, capability: text.capability, framework: text.framework, assessment: text.assessment,
      };
    }
  }
  const missing = SIZES.some((n) => !sizes[n]) ? 'printed no scale lines'
    : SIZES.some((n) => !sizes.fixtures[n] || !existsSync(sizes.fixtures[n].assessment)) ? 'wrote no files for the browser'
      : null;
  if (missing) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`cargo bench ${missing}`);
  }
  return sizes;
}

async function startServer(folder = 'dist', origin = ORIGIN) {
  const server = spawn(process.execPath, ['tools/serve.mjs', folder, new URL(origin).port], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      if ((await fetch(`${origin}/`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  server.kill();
  throw new Error(`the server did not start on ${origin}`);
}

// WCAG-EM's build folder: fetched at WCAG_EM.commit and built the first
// time, with a brotli copy of each text file as tools/post-build.mjs makes
// of ours, so that tools/serve.mjs sends both apps alike.
function wcagEmBuild() {
  const { folder, commit } = WCAG_EM;
  const build = join(folder, 'build');
  const built = join(folder, `built-${commit}`);
  if (existsSync(built)) return build;
  console.error(`WCAG-EM Report Tool: fetching ${commit} and building it into ${folder} (a few minutes, once)`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const source = existsSync(WCAG_EM.git) ? resolve(WCAG_EM.git) : WCAG_EM.git;
  const steps = [
    ['git', ['init', '--quiet']],
    ['git', ['fetch', '--quiet', '--depth', '1', source, commit]],
    ['git', ['checkout', '--quiet', 'FETCH_HEAD']],
    ['npm', ['ci', '--no-audit', '--no-fund']],
    ['npx', ['rollup', '-c']],
  ];
  for (const [command, args] of steps) {
    const run = spawnSync(command, args, { cwd: folder, stdio: ['ignore', 2, 2], env: { ...process.env, BASEPATH: '' } });
    if (run.status !== 0) {
      const hint = command === 'git' ? ` (set WCAG_EM_GIT to a clone that has ${commit})` : '';
      throw new Error(`WCAG-EM: \`${command} ${args.join(' ')}\` failed with status ${run.status}${hint}`);
    }
  }
  for (const file of readdirSync(build, { recursive: true })) {
    const path = join(build, file);
    if (!/\.(js|css|html|svg|json)$/.test(file) || !statSync(path).isFile()) continue;
    writeFileSync(`${path}.br`, brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  writeFileSync(built, '');
  return build;
}

function lighthouse(path = '/') {
  const folder = mkdtempSync(join(tmpdir(), 'mapscc-lighthouse-'));
  const runs = [];
  try {
    for (let run = 1; run <= LIGHTHOUSE_RUNS; run += 1) {
      console.error(`Lighthouse run ${run} of ${LIGHTHOUSE_RUNS}`);
      const report = join(folder, `run-${run}.json`);
      const result = spawnSync(process.execPath, [
        'node_modules/lighthouse/cli/index.js', `${ORIGIN}${path}`,
        '--quiet', '--output=json', `--output-path=${report}`,
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${FLAGS.join(' ')}`,
      ], { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'inherit'] });
      if (result.status !== 0) throw new Error(`lighthouse failed with status ${result.status}`);
      const json = JSON.parse(readFileSync(report, 'utf8'));
      if (json.runtimeError) throw new Error(`lighthouse: ${json.runtimeError.message}`);
      runs.push({
        performance: json.categories.performance.score * 100,
        accessibility: json.categories.accessibility.score * 100,
        bestPractices: json.categories['best-practices'].score * 100,
        fcp: json.audits['first-contentful-paint'].numericValue,
        lcp: json.audits['largest-contentful-paint'].numericValue,
        tbt: json.audits['total-blocking-time'].numericValue,
        cls: json.audits['cumulative-layout-shift'].numericValue,
        // Lighthouse's measure of this machine's CPU: its simulated slow
        // phone scales the tasks it sees here, so a slower machine counts
        // more blocking time (see BENCHMARKS.md).
        benchmarkIndex: json.environment.benchmarkIndex,
      });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((run) => run[key]))]));
}

// Clicks a rating inside the page and times it until the radio is checked
// AND the stored assessment holds that rating: the moment the answer is
// both shown and safe. Checked once straight after the click (the app
// saves synchronously), then on every animation frame.
function timeRatingChoice({ value, key, capability }) {
  // A stored answer is [rating, time] or [rating, time, note] (format 3).
  const saved = () => {
    try {
      const answer = JSON.parse(localStorage.getItem(key) || 'null')?.data?.answers?.[capability];
      return Array.isArray(answer) && answer[0] === Number(value);
    } catch {
      return false;
    }
  };
  const done = () => document.getElementById(`rating-${value}`)?.checked === true && saved();
  const start = performance.now();
  document.getElementById(`rating-${value}`).click();
  if (done()) return Promise.resolve(performance.now() - start);
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (done()) resolve(performance.now() - start);
      else if (performance.now() - start > 5000) reject(new Error(`rating ${value} not shown and saved within 5 s`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function sampleRatings(page, key, capability) {
  const samples = [];
  for (let index = 0; index < WARM_UP + SAMPLES; index += 1) {
    // Alternate so every click changes the answer.
    const value = index % 2 ? '2' : '3';
    const took = await page.evaluate(timeRatingChoice, { value, key, capability });
    if (index >= WARM_UP) samples.push(took);
  }
  return samples;
}

async function interaction() {
  console.error('Interaction: choosing a rating on a quick check, desktop Chromium');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((flag) => !flag.startsWith('--headless')) });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${ORIGIN}/check`);
    await page.locator('#app-static').waitFor({ state: 'detached' });
    await page.locator('#role').check();
    await page.getByLabel('Newly qualified', { exact: true }).check();
    await page.getByLabel('Quick check').check();
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.locator('#step-heading').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    const key = `mapscc/assessment/${id}`;
    // The first capability's id, from the answer the first choice stores.
    await page.locator('#rating-1').check();
    const capability = await page.waitForFunction((storageKey) => {
      const answers = JSON.parse(localStorage.getItem(storageKey) || 'null')?.data?.answers || {};
      return Object.keys(answers)[0];
    }, key).then((handle) => handle.jsonValue());

    const desktop = await sampleRatings(page, key, capability);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const throttled = await sampleRatings(page, key, capability);
    return { desktop: percentile(desktop, 95), throttled: percentile(throttled, 95) };
  } finally {
    await browser.close();
  }
}

// Inside the page, on the list of results: clicks the link to the one
// assessment's results (an in-app navigation, no reload) and times it
// until the results page's last part is in the DOM and a frame has been
// painted after it (requestAnimationFrame, then a task). A first visit
// also fetches and reads the framework first.
function timeResultsPage() {
  const link = document.querySelector('.app-assessment a');
  if (!link) return Promise.reject(new Error('no link to the results on the list'));
  if (document.getElementById('print-notes')) return Promise.reject(new Error('the results page is still shown'));
  const shown = () => document.getElementById('print-notes') !== null;
  return new Promise((resolve, reject) => {
    let start;
    let done = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the results page did not appear within 120 s'));
    }, 120_000);
    const check = () => {
      if (done || !shown()) return;
      done = true;
      const content = performance.now() - start;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve({ content, painted: performance.now() - start }), 0));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
    start = performance.now();
    link.click();
    check();
  });
}

// Back to the list with the browser's Back (in-app, no reload), checking
// the results page has really gone so the next visit renders it anew.
async function backToList(page) {
  await page.evaluate(() => history.back());
  await page.waitForFunction(() => !document.getElementById('print-notes')
    && document.querySelector('.app-assessment a') !== null
    && location.pathname.endsWith('/results'), null, { timeout: 120_000 });
  // Let the list settle and paint before the next timed click.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

async function visitResults(page, runs) {
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    times.push(await page.evaluate(timeResultsPage));
    await backToList(page);
  }
  return times;
}

// One size: a fresh context whose framework file is the generated one and
// whose localStorage holds the generated assessment before the app starts.
async function resultsCase(browser, capabilities, fixture, throttled) {
  const framework = readFileSync(fixture.framework);
  const record = readFileSync(fixture.assessment, 'utf8');
  // The service worker would answer the framework request from its cache.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    await context.route(/\/framework-[0-9a-f]+\.json$/, (route) => route.fulfill({
      status: 200, contentType: 'application/json', body: framework,
    }));
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [fixture.key, record]);
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/results`);
    await page.locator('#app-static').waitFor({ state: 'detached' });
    await page.locator('.app-assessment a').waitFor();

    const first = await page.evaluate(timeResultsPage);
    // The page must show every capability, each with its note.
    const shown = await page.evaluate(() => ({
      rows: document.querySelectorAll('.app-result-list li').length,
      notes: document.querySelectorAll('.app-result-list .app-note').length,
      answered: [...document.querySelectorAll('.nhsuk-summary-list__value')].map((cell) => cell.textContent).find((text) => text.includes(' of ')),
    }));
    if (shown.rows !== capabilities || shown.notes !== capabilities || shown.answered !== `${capabilities} of ${capabilities}`) {
      throw new Error(`the results page for ${capabilities} capabilities showed ${JSON.stringify(shown)}`);
    }
    await backToList(page);

    const times = (await visitResults(page, 1 + RESULTS_RUNS)).slice(1);
    const result = {
      first: first.painted,
      content: median(times.map((time) => time.content)),
      painted: median(times.map((time) => time.painted)),
    };
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const slow = await visitResults(page, RESULTS_RUNS_THROTTLED);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      result.throttled = median(slow.map((time) => time.painted));
    }
    // Saving a rating to this assessment, notes and all: the check opens on
    // the step the assessment was left at (benches/scale.rs).
    await page.goto(`${ORIGIN}/check/${fixture.key.split('/').pop()}`);
    await page.locator('#rating-1').waitFor();
    result.save = percentile(await sampleRatings(page, fixture.key, fixture.capability), 95);
    return result;
  } finally {
    await context.close();
  }
}

async function resultsPages(fixtures) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((flag) => !flag.startsWith('--headless')) });
  try {
    const rendered = {};
    for (const capabilities of SIZES) {
      console.error(`Results page: ${capabilities} capabilities, desktop Chromium`);
      rendered[capabilities] = await resultsCase(browser, capabilities, fixtures[capabilities], capabilities === 1000);
      console.error(`  ${JSON.stringify(rendered[capabilities])}`);
    }
    return rendered;
  } finally {
    await browser.close();
  }
}

// "Ready" of each app, checked on every animation frame (see the header).
// Ours is ready once the page asked for is on screen with its <h1> and
// every control on it takes input: the app's own page, or the build's
// prerendered copy of it (src/prerender.rs: #app-static with `data-page`
// for this address), whose only controls are links and <details>, which
// work without the app (the build refuses a page with any other). The
// shell that stands in for pages that are not prerendered is not ready.
// "Drawn" is when the app has replaced the static page with its own.
const oursDrawn = () => !document.getElementById('app-static') && document.querySelector('#maincontent h1') !== null;
const oursReady = () => {
  const prerendered = document.getElementById('app-static');
  if (!prerendered) return document.querySelector('#maincontent h1') !== null;
  const trimmed = (path) => path.replace(/\/+$/, '');
  // A prerendered form is shown only to a visitor with nothing stored
  // (src/prerender.rs); to anyone else it is hidden until the app is in.
  const form = prerendered.querySelector('form');
  return prerendered.dataset.page !== undefined
    && trimmed(prerendered.dataset.page) === trimmed(location.pathname)
    && prerendered.querySelector('#maincontent h1') !== null
    && (!form || form.getClientRects().length > 0);
};
const wcagEmReady = () => {
  const main = document.querySelector('#wai-wcag-em-report-tool main');
  const control = main?.querySelector('a[href], button, input, select, textarea');
  return Boolean(main?.querySelector('h1') && control && !control.disabled && control.getClientRects().length > 0);
};

// An init script, so it runs before the page's own: on the first animation
// frame at which each of `checks` holds ({ ready, drawn }), it logs
// "bench:<name>" and the time.
// Waiting with `page.waitForFunction` would not do: Playwright would put
// its own script (some hundreds of KB) into the page being timed, and
// evaluating it took 90 to 140 ms of the main thread with the CPU slowed
// 4×, in the middle of the start-up being measured (a Chromium trace of a
// return visit, 1 December 2026). A console message costs the page nothing.
function readyScript(checks) {
  const watch = (name, holds) => {
    const check = () => {
      if (holds()) console.debug(`bench:${name}`, performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  const calls = Object.entries(checks).map(([name, holds]) => `(${watch})(${JSON.stringify(name)}, ${holds});`);
  return { content: calls.join('\n') };
}

// Milliseconds from navigation start until each check held, on a page
// already throttled: { ready, drawn }.
async function readyAfterNavigation(page, url, names) {
  const times = {};
  const all = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${url} was not ready within 60 s`)), 60_000);
    page.on('console', (message) => {
      const [text, at] = message.text().split(' ');
      const name = text.startsWith('bench:') ? text.slice('bench:'.length) : null;
      if (!names.includes(name) || name in times) return;
      times[name] = Number(at);
      if (names.every((each) => each in times)) {
        clearTimeout(timer);
        resolve(times);
      }
    });
  });
  await page.goto(url, { waitUntil: 'commit' });
  return all;
}

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

// A first visit to `url` in a new profile (empty cache, no service worker)
// and, with `again`, a return visit once the service worker controls the
// origin: { first, back } in milliseconds.
async function visit(browser, url, checks, again) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const names = Object.keys(checks);
  try {
    if (READY_STORED && url.startsWith(ORIGIN)) {
      await context.addInitScript(([key, value]) => {
        if (!localStorage.getItem(key)) localStorage.setItem(key, value);
      }, ['mapscc/assessment/a-fixture-v5', readFileSync('tests/fixtures/assessment-v5.json', 'utf8').trim()]);
    }
    await context.addInitScript(readyScript(checks));
    const page = await context.newPage();
    await throttle(page);
    const first = await readyAfterNavigation(page, url, names);
    if (!again) return { first };
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const next = await context.newPage();
    await throttle(next);
    return { first, back: await readyAfterNavigation(next, url, names) };
  } finally {
    await context.close();
  }
}

// Our `path` (first and return visit) and WCAG-EM's start page in turns,
// READY_RUNS rounds: the median of each.
async function appReady(browser, path) {
  const runs = [];
  for (let run = 0; run < READY_RUNS; run += 1) {
    const ours = await visit(browser, `${ORIGIN}${path}`, { ready: oursReady, drawn: oursDrawn }, true);
    const peer = await visit(browser, `${WCAG_EM.origin}/`, { ready: wcagEmReady }, false);
    runs.push({
      first: ours.first.ready, firstDrawn: ours.first.drawn, back: ours.back.ready, backDrawn: ours.back.drawn, peer: peer.first.ready,
    });
  }
  const of = (key) => median(runs.map((run) => run[key]));
  return {
    first: of('first'), firstDrawn: of('firstDrawn'), back: of('back'), backDrawn: of('backDrawn'), peer: of('peer'),
  };
}

async function readiness(peerBuild) {
  const peer = await startServer(peerBuild, WCAG_EM.origin);
  // Every other host fails at once: WCAG-EM's page asks www.w3.org for the
  // WAI site's stylesheet and images, which the bench cannot reach.
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM, args: [...FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    const ready = {};
    for (const path of READY_PATHS) ready[path] = await appReady(browser, path);
    return ready;
  } finally {
    await browser?.close();
    peer.kill();
  }
}

const fixed = (value, digits) => value.toFixed(digits);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const met = (ok) => (ok ? 'yes' : 'no');
const seconds = (ms) => `${fixed(ms / 1000, 2)} s`;

// The bytes the first page loads, as `make size` counts them (no budget
// here: a huge one, so the script only reports).
function firstPageKb() {
  const run = spawnSync(process.execPath, ['tools/size-budget.mjs', 'dist', '1000000'], { encoding: 'utf8' });
  const total = run.stdout.match(/Total JS \+ wasm \+ CSS, brotli: ([\d.]+) KB/);
  if (run.status !== 0 || !total) throw new Error(`tools/size-budget.mjs failed: ${run.stderr}`);
  return Number(total[1]);
}

const shipped = firstPageKb();
// Before anything is measured, so that a missing peer stops the run at once.
const peerBuild = ['scale-browser', 'lighthouse'].includes(ONLY) ? null : wcagEmBuild();
if (ONLY === 'lighthouse') {
  const server = await startServer();
  try {
    const paths = (process.env.BENCH_LIGHTHOUSE_PATHS || '/,/check,/roles/pa').split(',');
    console.log(`Lighthouse: median of ${LIGHTHOUSE_RUNS} runs, mobile, simulated throttling.`);
    console.log('');
    console.log('| page | performance | FCP | LCP | TBT | CLS | accessibility | best practices | CPU benchmark index |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const path of paths) {
      const page = lighthouse(path);
      console.log(`| ${path} | ${fixed(page.performance, 0)} | ${fixed(page.fcp / 1000, 2)} s | ${fixed(page.lcp / 1000, 2)} s | ${fixed(page.tbt, 0)} ms | ${fixed(page.cls, 3)} | ${fixed(page.accessibility, 0)} | ${fixed(page.bestPractices, 0)} | ${fixed(page.benchmarkIndex, 0)} |`);
    }
  } finally {
    server.kill();
  }
  process.exit(0);
}
if (ONLY === 'ready') {
  const server = await startServer();
  try {
    const ready = await readiness(peerBuild);
    console.log(`App ready, first visits in turns with WCAG-EM's start page, median of ${READY_RUNS} each (slow 4G, CPU 4×)${READY_STORED ? ', with an assessment stored' : ''}.`);
    console.log('');
    console.log(`| page | first visit ≤ 2.5 s | WCAG-EM, first visit | ours ÷ WCAG-EM ≤ ${READY_RATIO} | return visit ≤ 0.6 s | app drawn, first and return visit |`);
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const path of READY_PATHS) {
      const {
        first, peer, back, firstDrawn, backDrawn,
      } = ready[path];
      const ratio = `${fixed(first / peer, 2)} (${met(first <= READY_RATIO * peer)})`;
      console.log(`| ${path} | ${seconds(first)} | ${seconds(peer)} | ${ratio} | ${seconds(back)} | ${seconds(firstDrawn)}, ${seconds(backDrawn)} |`);
    }
  } finally {
    server.kill();
  }
  process.exit(0);
}
const sizes = scale();
let server;
let pages;
let clicks;
let rendered;
let ready;
try {
  server = await startServer();
  if (!ONLY) {
    pages = lighthouse();
    clicks = await interaction();
    ready = await readiness(peerBuild);
  }
  rendered = await resultsPages(sizes.fixtures);
} finally {
  server?.kill();
  rmSync(sizes.folder, { recursive: true, force: true });
}

const growth = (field, unit) => SIZES.map((n) => `${fixed(sizes[n][field], 3)} ${unit}`).join(' → ');
const growthMs = (field) => SIZES.map((n) => `${fixed(rendered[n][field], 0)} ms`).join(' → ');
const browserRows = [
  ['Results page for 1,000 capabilities rendered ≤ 100 ms (Chromium)', `${fixed(rendered[1000].painted, 0)} ms`, met(rendered[1000].painted <= 100)],
  ['Results page for 1,000 capabilities, CPU slowed 4× (Chromium)', `${fixed(rendered[1000].throttled, 0)} ms`, '—'],
  ['Growth of results page rendered, 100 → 1,000 → 5,000 (Chromium)', growthMs('painted'), '—'],
  ['Save a rating to 1,000 answers with notes, shown and stored, p95 ≤ 10 ms (Chromium)', `${fixed(rendered[1000].save, 1)} ms`, met(rendered[1000].save <= 10)],
  ['Growth of saving a rating, p95, 100 → 1,000 → 5,000 (Chromium)', SIZES.map((n) => `${fixed(rendered[n].save, 1)} ms`).join(' → '), '—'],
  ['Growth of results page in the DOM, before painting, 100 → 1,000 → 5,000 (Chromium)', growthMs('content'), '—'],
  ['Growth of first visit, fetching and reading the framework too, 100 → 1,000 → 5,000 (Chromium)', growthMs('first'), '—'],
];
const nativeRows = [
  ['Results for 1,000 capabilities ≤ 100 ms (native core: scoring only, no rendering)', `${fixed(sizes[1000].results_ms, 3)} ms`, met(sizes[1000].results_ms <= 100)],
  ['Save (encode) 1,000 answers with notes ≤ 10 ms (native core)', `${fixed(sizes[1000].encode_ms, 3)} ms`, met(sizes[1000].encode_ms <= 10)],
  ['One assessment without notes ≤ 60 KB (1,000 capabilities)', kb(sizes[1000].bytes_without_notes), met(sizes[1000].bytes_without_notes <= 60_000)],
  ['Growth of results (scoring), 100 → 1,000 → 5,000 (native core)', growth('results_ms', 'ms'), '—'],
  ['Growth of save (encode), 100 → 1,000 → 5,000 (native core)', growth('encode_ms', 'ms'), '—'],
  ['Growth of size without notes, 100 → 1,000 → 5,000', SIZES.map((n) => kb(sizes[n].bytes_without_notes)).join(' → '), '—'],
];
const rows = ONLY ? [...browserRows, ...nativeRows] : [
  ['First page loads ≤ 300 KB of JS, wasm and CSS (brotli)', `${fixed(shipped, 1)} KB`, met(shipped <= 300)],
  ...READY_PATHS.flatMap((path) => [
    [`App ready on ${path}, first visit ≤ 2.5 s (slow 4G, CPU 4×, median of ${READY_RUNS})`, seconds(ready[path].first), met(ready[path].first <= 2500)],
    [`WCAG-EM Report Tool ready on its start page, first visit, in turns with ${path}`, seconds(ready[path].peer), '—'],
    [`App ready on ${path}, first visit ≤ ${READY_RATIO} × WCAG-EM's`, `${fixed(ready[path].first / ready[path].peer, 2)} ×`, met(ready[path].first <= READY_RATIO * ready[path].peer)],
    [`App ready on ${path}, return visit ≤ 0.6 s (service worker)`, seconds(ready[path].back), met(ready[path].back <= 600)],
    [`App drawn over the static page on ${path}, first and return visit`, `${seconds(ready[path].firstDrawn)}, ${seconds(ready[path].backDrawn)}`, '—'],
  ]),
  ['Lighthouse mobile performance 100', `${fixed(pages.performance, 0)} (CPU benchmark index ${fixed(pages.benchmarkIndex, 0)})`, met(pages.performance >= 100)],
  ['First contentful paint ≤ 0.9 s', `${fixed(pages.fcp / 1000, 2)} s`, met(pages.fcp <= 900)],
  ['Largest contentful paint ≤ 1.2 s', `${fixed(pages.lcp / 1000, 2)} s`, met(pages.lcp <= 1200)],
  ['Total blocking time ≤ 50 ms', `${fixed(pages.tbt, 0)} ms`, met(pages.tbt <= 50)],
  ['Cumulative layout shift 0', fixed(pages.cls, 3), met(pages.cls === 0)],
  ['Lighthouse accessibility 100', fixed(pages.accessibility, 0), met(pages.accessibility >= 100)],
  ['Lighthouse best practices 100', fixed(pages.bestPractices, 0), met(pages.bestPractices >= 100)],
  ['Choose a rating, shown and saved, p95 ≤ 16 ms (desktop)', `${fixed(clicks.desktop, 1)} ms`, met(clicks.desktop <= 16)],
  ['Choose a rating, p95 ≤ 50 ms (CPU slowed 4×)', `${fixed(clicks.throttled, 1)} ms`, met(clicks.throttled <= 50)],
  ...browserRows,
  ...nativeRows,
];
if (sizes.real) {
  rows.push([`Today's full check without notes (${sizes.real.capabilities} capabilities)`, kb(sizes.real.bytes_without_notes), '—']);
}

if (!ONLY) console.log(`Lighthouse: median of ${LIGHTHOUSE_RUNS} runs, mobile, simulated throttling. Ratings: p95 of ${SAMPLES} samples.`);
console.log(`Results page: desktop Chromium 1280 × 800, in-app link from the list of results until painted, median of ${RESULTS_RUNS} visits (${RESULTS_RUNS_THROTTLED} with the CPU slowed 4×); every capability answered with a note, notes shown.`);
console.log('Native core rows are timings of the core (cargo bench), not the browser\'s rendering.');
console.log('');
console.log('| target | measured | met? |');
console.log('| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
