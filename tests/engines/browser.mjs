// Drives Debian's Firefox (geckodriver) and WebKit (WebKitGTK's
// WebKitWebDriver, which launches MiniBrowser; run under xvfb-run) through
// W3C WebDriver with selenium-webdriver, finding everything by what a user
// sees: label text, button names, headings.
//
// ENGINE=firefox|webkit picks the engine. Each test gets a new session,
// which is a new, empty browser profile.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { freePort } from '../free-port.mjs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Builder } from 'selenium-webdriver';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const SERVE = new URL('../../tools/serve.mjs', import.meta.url).pathname;
const DIST = new URL('../../dist', import.meta.url).pathname;
/** How long any one expectation may take to come true, in milliseconds. */
const WAIT_MS = Number(process.env.ENGINES_WAIT_MS || 15_000);
// Longer than the double-click time of GTK (400 ms), which WebKitGTK and
// Firefox on Linux use (see `Browser.press`).
const PRESS_APART_MS = 500;
/** Where failed journeys' screenshots and what each engine's driver and browser print are kept (ignored by git). */
export const RESULTS = new URL('../../test-results/engines/', import.meta.url).pathname;
/** How long closing a session may take before its driver is restarted. */
const CLOSE_WAIT_MS = 20_000;

export const ENGINES = {
  firefox: {
    name: 'Firefox',
    command: (port) => ['geckodriver', ['--host', '127.0.0.1', '--port', String(port)]],
    /** `blockStorage`: the user has turned site storage off (dom.storage.enabled). */
    capabilities: ({ blockStorage = false, downloads }) => ({
      browserName: 'firefox',
      // Navigation returns once the document is parsed; `Browser.open` then
      // waits for the app itself. In one CI run a fresh headless Firefox
      // never fired a page's load event (30 s), and that test, with every
      // one after it, failed on the driver's wait, not on the app.
      pageLoadStrategy: 'eager',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          'dom.storage.enabled': !blockStorage,
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv',
        },
      },
    }),
    // Firefox's own Back works for same-document entries.
    back: (driver) => driver.navigate().back(),
    forward: (driver) => driver.navigate().forward(),
  },
  webkit: {
    name: 'WebKit',
    command: (port) => ['WebKitWebDriver', [`--port=${port}`]],
    /** `blockStorage`: localStorage switched off (WebKitSettings enable-html5-local-storage). */
    capabilities: ({ blockStorage = false }) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER,
        args: ['--automation', ...(blockStorage ? ['--enable-html5-local-storage=false'] : [])],
      },
    }),
    // WebKitGTK's WebDriver "back" skips same-document history entries and
    // lands on about:blank, so Back and Forward go through the page's history.
    back: (driver) => driver.executeScript(() => history.back()),
    forward: (driver) => driver.executeScript(() => history.forward()),
  },
};

export const engineId = process.env.ENGINE || 'firefox';
export const engine = ENGINES[engineId];
if (!engine) throw new Error(`ENGINE must be one of ${Object.keys(ENGINES).join(', ')}, not ${engineId}`);


/** `promise`, or a rejection naming `what` once `ms` milliseconds have passed. */
export function withTimeout(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${engine.name}: waited ${ms} ms for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Starts a program and resolves once `ready(output so far)` is true. */
function startProcess(command, args, ready, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${what} did not start within 30 s: ${output}`));
    }, 30_000);
    const look = (chunk) => {
      output += chunk;
      if (ready(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('error', (error) => { clearTimeout(timer); reject(new Error(`${what} could not start: ${error.message}`)); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${what} exited with ${code}: ${output}`)); });
  });
}

/** Serves the release build in dist/ with tools/serve.mjs; `port` to reuse one. */
export async function startServer(port) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no release build in ${DIST}: run make build first`);
  const chosen = port || (await freePort());
  const child = await startProcess(process.execPath, [SERVE, DIST, String(chosen)], (out) => out.includes('Serving'), 'tools/serve.mjs');
  return { url: `http://127.0.0.1:${chosen}`, port: chosen, stop: () => stopProcess(child) };
}

/**
 * Stops a program started by `startProcess` or `startDriver`. A driver is
 * started as the leader of its own process group, so the browser it
 * launched is stopped with it: a browser left running would hold its
 * session, and the next test could not start one. Whatever has not exited
 * 5 s after SIGTERM gets SIGKILL.
 */
function stopProcess(child) {
  const signal = (name) => {
    try {
      if (child.leadsGroup) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    if (child.leadsGroup) signal('SIGKILL'); // the browser may outlive its driver
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const kill = setTimeout(() => signal('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      if (child.leadsGroup) signal('SIGKILL');
      resolve();
    });
    signal('SIGTERM');
  });
}

/**
 * Starts this engine's WebDriver server; resolves once its /status answers.
 * It runs with a new, empty home folder: MiniBrowser keeps its data and
 * saves downloads there, and Firefox is told to save downloads there too.
 * What the driver and its browsers print is added to
 * RESULTS/<engine>-driver.log.
 */
export async function startDriver() {
  const port = await freePort();
  const [command, args] = engine.command(port);
  const url = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), `engines-${engineId}-home-`));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), XDG_CACHE_HOME: join(home, '.cache') };
  mkdirSync(RESULTS, { recursive: true });
  const log = openSync(join(RESULTS, `${engineId}-driver.log`), 'a');
  const child = spawn(command, args, { stdio: ['ignore', log, log], env, detached: true });
  closeSync(log);
  child.leadsGroup = true;
  const what = `${engine.name}'s WebDriver (${command})`;
  const failed = new Promise((_, reject) => {
    child.once('error', (error) => reject(new Error(`${what} could not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
  });
  const ready = (async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${url}/status`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what} did not answer within 30 s`);
  })();
  try {
    await Promise.race([ready, failed]);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  failed.catch(() => {}); // a later exit is reported by the session that needs it
  return {
    url,
    /** Where downloads land. */
    downloads: home,
    async stop() {
      await stopProcess(child);
      // WebKit's GPU process may still be writing its shader cache there:
      // a folder left in /tmp must not fail the journeys.
      try {
        rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        console.warn(`${engine.name}: could not remove ${home}: ${error.message}`);
      }
    },
  };
}

/**
 * One browser session on the app: a fresh profile. `options.blockStorage`
 * starts the engine with site storage switched off.
 */
export async function openBrowser(driverServer, appUrl, options = {}) {
  const { downloads } = driverServer;
  const driver = await new Builder()
    .usingServer(driverServer.url)
    .withCapabilities(engine.capabilities({ ...options, downloads }))
    .build();
  await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
  return new Browser(driver, appUrl, downloads);
}

// The functions below run in the page (passed as functions: the app's CSP
// forbids eval). Text is compared with runs of white space collapsed.

function pageFindControl(text, exact) {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const match = (s) => (exact ? norm(s) === text : norm(s).toLowerCase().includes(text.toLowerCase()));
  const found = new Set();
  for (const label of document.querySelectorAll('label')) {
    if (match(label.textContent) && label.control) found.add(label.control);
  }
  for (const element of document.querySelectorAll('[aria-label]')) {
    if (match(element.getAttribute('aria-label'))) found.add(element);
  }
  for (const element of document.querySelectorAll('[aria-labelledby]')) {
    const name = element.getAttribute('aria-labelledby').split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent || '').join(' ');
    if (match(name)) found.add(element);
  }
  return [...found];
}

function pageFindByRole(role, name, exact) {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const match = (s) => (exact ? norm(s) === name : norm(s).toLowerCase().includes(name.toLowerCase()));
  const selectors = {
    button: 'button, input[type=submit], input[type=button], [role=button]',
    link: 'a[href], [role=link]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  };
  const visible = (element) => !!(element.offsetWidth || element.offsetHeight || element.getClientRects().length)
    && getComputedStyle(element).visibility !== 'hidden';
  return [...document.querySelectorAll(selectors[role])]
    .filter((element) => visible(element) && match(element.getAttribute('aria-label') || element.textContent || element.value));
}

/**
 * Keeps the page's last ten presses (their target and `MouseEvent.detail`,
 * 2 for the second click of a double-click) in `window.enginesClicks`, for
 * `describePage`: a press the browser took for a double-click shows there.
 * It listens to mouseup, which carries the same count: the app stops such
 * a click before listeners added after its own could see it.
 */
function pageLogClicks() {
  if (window.enginesClicks) return;
  window.enginesClicks = [];
  window.addEventListener('mouseup', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const name = target ? `${target.tagName.toLowerCase()} "${(target.textContent || target.value || '').trim().slice(0, 30)}"` : 'nothing';
    window.enginesClicks = [...window.enginesClicks.slice(-9), `${name} detail ${event.detail}`];
  }, true);
}

function pageHasText(text) {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  return norm(document.body.innerText).includes(text);
}

/** A session on the app, with waits that name the engine when they fail. */
export class Browser {
  constructor(driver, appUrl, downloads) {
    this.driver = driver;
    this.appUrl = appUrl;
    this.downloads = downloads;
    this.lastPress = 0;
    /** Set once `close` is called: the promise of the session's end. */
    this.closing = null;
  }

  /**
   * Clicks `control` as a separate press. The browser counts a click that
   * comes within its double-click time of the last one, near the same
   * spot, as the second of a double-click (`MouseEvent.detail` 2), and the
   * app ignores those so that a double-click on "Next" cannot skip a
   * question (`browser::act_once_per_press`). A person does not press
   * "Next" and then a new page's "Back" within a fraction of a second;
   * WebDriver can. A WebKit run once timed out after such a "Back"
   * (2 December 2026, not reproduced in four runs since); a press taken
   * for a double-click would do that. So a press waits until the
   * platform's double-click time (GTK's default is 400 ms) has passed
   * since the last one.
   */
  async press(control) {
    const wait = this.lastPress + PRESS_APART_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await this.run(pageLogClicks).catch(() => {});
    await control.click();
    this.lastPress = Date.now();
  }

  /** Runs `fn` in the page with `args`. */
  run(fn, ...args) {
    return this.driver.executeScript(fn, ...args);
  }

  /** Polls `probe` until it returns a truthy value; fails with `what`. */
  async until(probe, what, timeout = WAIT_MS) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await probe();
        if (value) return value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(`${engine.name}: timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${last.name}: ${last.message})` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until the app (not the static first paint) shows a page with an h1. */
  async appReady() {
    await this.until(() => this.run(() => !document.getElementById('app-static') && !!document.querySelector('main h1, h1')), 'the app to show a page');
  }

  /** Opens a path of the app and waits for the app to show it. */
  async open(path = '/') {
    const address = new URL(path, this.appUrl).href;
    try {
      await this.driver.get(address);
    } catch (error) {
      const state = await this.run(() => `${document.readyState}, at ${location.href}`).catch(() => 'the page did not answer');
      throw new Error(`${engine.name}: opening ${address} failed (${error.name}: ${error.message}); the document was ${state}`);
    }
    await this.appReady();
  }

  async reload() {
    await this.driver.navigate().refresh();
    await this.appReady();
  }

  back() {
    return engine.back(this.driver);
  }

  forward() {
    return engine.forward(this.driver);
  }

  /** The one form control labelled `text` (a substring unless `exact`). */
  async control(text, { exact = false } = {}) {
    return this.until(async () => {
      const found = await this.run(pageFindControl, text, exact);
      return found.length === 1 ? found[0] : null;
    }, `one control labelled "${text}"`);
  }

  /** The one visible element of `role` named `name` (a substring unless `exact`). */
  async byRole(role, name, { exact = true } = {}) {
    return this.until(async () => {
      const found = await this.run(pageFindByRole, role, name, exact);
      return found.length === 1 ? found[0] : null;
    }, `one ${role} named "${name}"`);
  }

  /**
   * Checks the radio or checkbox labelled `text`, as a click would, and
   * clicks again while it is not checked, as a person whose tap did not
   * take would. In one CI run WebKit's click on the first question's radio,
   * 0.3 s after the question was drawn, left it unchecked for 15 s: the
   * page moves to its top and focuses the heading once a question is
   * drawn, and a click aimed before that can land beside the radio. A
   * checkbox is clicked only while it reads unchecked, so it never toggles
   * back.
   */
  async check(text, options) {
    await this.until(async () => {
      const control = await this.control(text, options);
      if (await control.isSelected()) return true;
      await this.press(control);
      return control.isSelected();
    }, `"${text}" to be checked`);
  }

  async isChecked(text, options) {
    return (await this.control(text, options)).isSelected();
  }

  async expectChecked(text, options) {
    await this.until(async () => (await this.control(text, options)).isSelected(), `"${text}" to be checked`);
  }

  /** Replaces the value of the text box labelled `text` by typing. */
  /** Types `value` into the control and waits until it holds it, as Playwright's fill does: WebKitGTK's driver can return before the last keys reach the page. */
  async fill(text, value, options) {
    const control = await this.control(text, options);
    await control.clear();
    await control.sendKeys(value);
    await this.expectValue(text, value, options);
  }

  async valueOf(text, options) {
    return (await this.control(text, options)).getAttribute('value');
  }

  async expectValue(text, value, options) {
    let last;
    await this.until(async () => {
      last = await this.valueOf(text, options);
      return last === value;
    }, `"${text}" to hold ${JSON.stringify(value)}`).catch((error) => {
      throw new Error(`${error.message}; it holds ${JSON.stringify(last)}`);
    });
  }

  async click(role, name, options) {
    await this.press(await this.byRole(role, name, options));
  }

  /** Waits for `text` to be shown on the page. */
  async expectText(text) {
    await this.until(() => this.run(pageHasText, text), `the text "${text}"`);
  }

  async headingText(selector = 'h1') {
    return this.run((s) => document.querySelector(s)?.textContent.replace(/\s+/g, ' ').trim() ?? null, selector);
  }

  /** This app's keys in localStorage (or null when storage is blocked), sorted, with their values. */
  storedRecords() {
    return this.run(() => {
      let storage;
      try {
        storage = window.localStorage;
      } catch {
        return null;
      }
      if (!storage) return null;
      return Object.keys(storage).filter((key) => key.startsWith('mapscc')).sort().map((key) => [key, storage.getItem(key)]);
    });
  }

  /**
   * Runs `action` (a click that downloads) and resolves with the text of the
   * one new file in the download folder whose name matches `pattern`.
   */
  async download(pattern, action) {
    const before = new Set(readdirSync(this.downloads));
    await action();
    const name = await this.until(() => readdirSync(this.downloads)
      .find((file) => !before.has(file) && pattern.test(file) && !/\.part$/.test(file)), `a download named like ${pattern}`);
    const path = join(this.downloads, name);
    // Wait until the file is complete: its size stops changing.
    let size = -1;
    await this.until(() => {
      const now = statSync(path).size;
      const done = now > 0 && now === size;
      size = now;
      return done;
    }, `${name} to be written`);
    return { path, text: readFileSync(path, 'utf8') };
  }

  /**
   * What the page shows, for a failure's message: its address, the element
   * with focus, its last clicks and its text (the first 600 characters). A screenshot is
   * saved as `file` (a PNG) too.
   */
  async describePage(file) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, await this.driver.takeScreenshot(), 'base64');
    } catch {
      // the text is the main thing
    }
    const page = await this.run(() => ({
      address: location.href,
      focused: document.activeElement
        ? `${document.activeElement.tagName.toLowerCase()}${document.activeElement.id ? `#${document.activeElement.id}` : ''}`
        : 'nothing',
      text: document.body.innerText.replace(/\s+/g, ' ').slice(0, 600),
      clicks: (window.enginesClicks || []).join('; ') || 'none',
    }));
    return `the page at ${page.address} (focus on ${page.focused}; its clicks: ${page.clicks}; screenshot ${file}) shows: ${page.text}`;
  }

  /**
   * Ends the session (its profile goes with it). Rejects if the driver has
   * not ended it within `waitMs`; a second call does nothing.
   */
  async close(waitMs = CLOSE_WAIT_MS) {
    this.closing ??= withTimeout(this.driver.quit(), waitMs, 'the session to close');
    return this.closing;
  }
}
