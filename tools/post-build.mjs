// Trunk post-build hook, run in the staging directory before it becomes dist/.
//
// 1. The app's wasm is built here (tools/build-wasm.mjs), split into a
//    main module and chunks that pages load when they need them. Its
//    loader is boot-<hash>.js (our CSP has no 'unsafe-inline'), which waits
//    for the first paint before it starts the app. The wasm-bindgen
//    module, the chunk loader, register-sw.js and sw.js are minified here
//    (about 2.3 KB less with brotli), with integrity hashes updated.
// 2. framework.json, glossary.json and roles.json, fetched by the pages
//    that need them, are minified and renamed <name>-<hash>.json, a name index.html
//    gives the app in <meta name="app-<name>">: a cached file can never
//    meet a newer app, or the other way round.
// 3. The CSS goes inline (see below).
// 4. 404.html, the app's shell: index.html as written, whose static first
//    page the app replaces with the page asked for. Hosts with no
//    single-page-app rewrite (GitHub Pages) answer a deep link with it, and
//    so do tools/serve.mjs and the service worker for pages that are not
//    prerendered. It preloads the main wasm, which index.html does not.
//    Pages with an address of their own that are not prerendered, such as
//    /review, get a copy of it that preloads their chunks and content
//    files too (`shells` of src/bin/prerender.rs).
// 5. Prerendered pages (src/prerender.rs, issue 25): the pages that read the
//    same for everyone are drawn by the app's own code, natively, into
//    copies of the shell (index.html itself for the start page,
//    roles/pa.html for /roles/pa), so they are read, and their links
//    followed, before the wasm arrives.
// 6. precache-manifest.js, the list of this build's files (with their hashed
//    names) for the service worker to keep for offline use, the file of
//    each prerendered page, and a version that changes whenever any of them
//    does.
// 7. Brotli and gzip copies of text and wasm files, for static hosts that
//    can serve pre-compressed files (smaller downloads on slow phones).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { buildWasm } from './build-wasm.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from trunk');

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const base = process.env.TRUNK_PUBLIC_URL || '/';
if (/<script type="?module"?>/.test(html)) throw new Error('Trunk wrote a wasm loader: index.html must not ask it to build the rust');
const built = buildWasm(staging, process.env.TRUNK_PROFILE === 'release');
// The app normally starts once the browser has shown the static first page
// in index.html. Otherwise, on a fast load, the app's page replaces the
// static one before it is on screen: the app's page becomes the largest
// paint, and Lighthouse's simulated slow phone waits for the whole wasm to
// show it. "Shown" is the first-contentful-paint entry, which comes when the
// frame is presented (a frame callback can come too early). At the latest
// the app starts after a 300 ms timer (later in a background tab, whose
// timers the browser slows), as in browsers without paint timing.
const afterFirstPaint = `await new Promise((shown) => {
  setTimeout(shown, 300);
  try {
    new PerformanceObserver((entries, observer) => {
      if (entries.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); shown(); }
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing here: the timer starts the app.
  }
});
`;
// For the same reason the wasm is not preloaded: its download starts when
// this loader runs. Measured on a throttled slow 4G link (150 ms, 1.6 Mbps,
// CPU slowed 4 times) the app is up no later without the preload, as the
// wasm download fills the link either way. It is fetched and compiled
// while the static page is drawn, and only run once it is shown: on a
// return visit the compiled code comes from the browser's cache while the
// page is still being laid out. If the streaming compile fails (a host
// that serves wasm with the wrong type), wasm-bindgen fetches it again its
// own way.
//
// If the app cannot start (the wasm cannot be fetched, the browser runs no
// WebAssembly, or the start fails), the static page says so in place of
// its "Opening…" lines (marked data-app-opening), with a warning callout
// under its heading; a prerendered page keeps everything it shows.
const wasmUrl = `${base}${built.wasm}`;
const code = `import init from '${base}${built.js}';
try {
  const compiled = WebAssembly.compileStreaming(fetch('${wasmUrl}'));
  compiled.catch(() => {});
  ${afterFirstPaint}await init({ module_or_path: await compiled.catch(() => '${wasmUrl}') });
} catch (error) {
  const main = document.querySelector('#app-static main');
  if (main) {
    for (const line of main.querySelectorAll('[data-app-opening]')) line.hidden = true;
    const callout = document.createElement('div');
    callout.className = 'nhsuk-warning-callout';
    callout.setAttribute('role', 'alert');
    const label = document.createElement('h2');
    label.className = 'nhsuk-warning-callout__label';
    label.textContent = 'The app could not start';
    const text = document.createElement('p');
    text.textContent = 'What this page does needs the app, which could not be loaded: the connection may have dropped, or this browser may not run WebAssembly. Reload the page to try again.';
    callout.append(label, text);
    main.querySelector('h1')?.after(callout);
  }
  console.error(error);
}
`;
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(staging, name), code);
// Nothing the first paint needs comes from a script, so the browser is told
// to fetch the loader and the module it imports at low priority.
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
// The chunk loader too: the wasm-bindgen module imports it, so without
// this it would be found only once that module is fetched, a round trip
// later, and the loader would start no sooner.
const integrityOf = (file) => `sha384-${createHash('sha384').update(readFileSync(join(staging, file))).digest('base64')}`;
const modulePreload = (file) => `<link rel="modulepreload" href="${base}${file}" integrity="${integrityOf(file)}" fetchpriority="low">`;
html = html.replace('</head>', modulePreload(built.js) + modulePreload(built.loader)
  + `<script type="module" src="${base}${name}" fetchpriority="low"></script></head>`);

/**
 * Minifies a script of the build in place (Trunk's own minifier cannot parse
 * the wasm-bindgen module and leaves copied files alone) and updates the
 * integrity hash of the tag in index.html that loads it, if there is one.
 */
async function minifyScript(url, { module }) {
  const path = join(staging, url.slice(base.length));
  const minified = await minify(readFileSync(path, 'utf8'), { module, compress: true, mangle: true });
  if (!minified.code) throw new Error(`terser returned nothing for ${url}`);
  writeFileSync(path, minified.code);
  const tag = html.match(new RegExp(`<(link|script)[^>]*(href|src)="?${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?[^>]*>`))?.[0];
  if (!tag?.includes('integrity=')) return;
  const integrity = `sha384-${createHash('sha384').update(minified.code).digest('base64')}`;
  html = html.replace(tag, tag.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity=${integrity}`));
}

await minifyScript(`${base}${built.js}`, { module: true });
await minifyScript(`${base}${built.loader}`, { module: true });
const registerUrl = html.match(/src="?([^" >]*register-sw-[0-9a-f]+\.js)/)?.[1];
if (!registerUrl?.startsWith(base)) throw new Error('index.html does not load register-sw.js');
await minifyScript(registerUrl, { module: false });
await minifyScript(`${base}sw.js`, { module: false });
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html still has an inline script');

// The stylesheets go inline, in one <style> allowed by its hash in the CSP:
// the first paint then needs the HTML alone, one round trip fewer on a slow
// phone connection.
const stylesheet = /<link href="?([^" >]+\.css)"?[^>]*rel="?stylesheet"?[^>]*>/g;
const sheets = [...html.matchAll(stylesheet)];
if (sheets.length === 0) throw new Error('index.html links no stylesheet');
// `</` is escaped so no text in the CSS can close the <style> element.
const css = sheets.map(([, url]) => readFileSync(join(staging, url.slice(base.length)), 'utf8').trim())
  .join('\n').replaceAll('</', '<\\/');
for (const [, url] of sheets) rmSync(join(staging, url.slice(base.length)));
// A function, so that `$` patterns in the CSS are not read as replacement
// patterns: the text must stay exactly what the hash is taken from.
html = html.replace(sheets[0][0], () => `<style>${css}</style>`);
if (!html.includes(`<style>${css}</style>`)) throw new Error('the inline CSS differs from the CSS it was made from');
for (const [tag] of sheets.slice(1)) html = html.replace(tag, '');
const styleHash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
if (!html.includes("style-src 'self'")) throw new Error("the CSP in index.html has no style-src 'self'");
html = html.replace("style-src 'self'", `style-src 'self' ${styleHash}`);

if (!html.includes('</head>')) throw new Error('index.html has no </head>');
const contentFiles = {};
for (const content of ['framework', 'glossary', 'roles']) {
  const json = JSON.stringify(JSON.parse(readFileSync(join(staging, `${content}.json`), 'utf8')));
  const file = `${content}-${createHash('sha256').update(json).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(staging, file), json);
  rmSync(join(staging, `${content}.json`));
  html = html.replace('</head>', `<meta name="app-${content}" content="${file}"></head>`);
  contentFiles[content] = file;
}
writeFileSync(indexPath, html);
// The shell is the page of every address that is not prerendered: its
// static page says only "Opening this page…", so nothing on it is worth
// drawing before the app. There the wasm is preloaded, and the scripts
// fetched at the browser's usual priority, so the wasm's download starts
// with the HTML's, not once the scripts have run (/review, first visit on
// the slow profile: BENCHMARKS.md, twelfth session). Prerendered pages,
// index.html among them, keep the low priority of everything above.
const lowPriority = / fetchpriority="low"/g;
if ((html.match(lowPriority) ?? []).length !== 3) throw new Error('index.html should fetch three scripts at low priority');
const shell = html.replace(lowPriority, '').replace('</head>',
  `<link rel="preload" href="${wasmUrl}" as="fetch" type="application/wasm" crossorigin></head>`);
writeFileSync(join(staging, '404.html'), shell);
// Built natively, as cargo test builds the crate: it shares that build.
// "Today" is the day of the build, in UTC, for the content's review dates.
const { pages: prerendered, shells } = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin=prerender', '--',
  staging, base, new Date().toISOString().slice(0, 10)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));

// A copy of the shell for each page the prerender names (`shells`): it
// preloads the page's chunk, the shared chunks it waits for and the content
// files it needs, so they download beside the main wasm, not after it has
// started (/review, first visit: BENCHMARKS.md, twelfth session). Static
// hosts answer "/review" with review.html. Not precached: once the service
// worker is in, the files are in its cache and 404.html serves every such
// page.
const preload = (file, type) => `<link rel="preload" href="${base}${file}" as="fetch"${type ? ` type="${type}"` : ''} crossorigin>`;
for (const { file, journey, needs } of shells) {
  const code = built.journeys[journey];
  if (!code) throw new Error(`${file}: the wasm has no split named ${journey}`);
  const links = [
    ...code.map((chunk) => preload(chunk, 'application/wasm')),
    ...needs.map((content) => {
      if (!contentFiles[content]) throw new Error(`${file} needs ${content}.json, which the build does not have`);
      return preload(contentFiles[content]);
    }),
  ];
  const path = join(staging, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, shell.replace('</head>', `${links.join('')}</head>`));
}

function walk(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// Paths relative to sw.js, which sits at the base, so a sub-path build works.
// Left out: the worker and its list (the browser fetches those itself).
const notKept = new Set(['sw.js', 'precache-manifest.js', ...shells.map(({ file }) => file)]);
const kept = walk(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((file) => !notKept.has(file) && !/\.(br|gz)$/.test(file))
  .sort();
const version = createHash('sha256');
for (const file of [...kept, 'sw.js']) version.update(file).update('\0').update(readFileSync(join(staging, file)));
const precache = { version: version.digest('hex').slice(0, 16), files: kept, pages: prerendered };
writeFileSync(join(staging, 'precache-manifest.js'),
  `// Written by tools/post-build.mjs for sw.js: this build's files.\nself.PRECACHE = ${JSON.stringify(precache)};\n`);

for (const path of walk(staging)) {
  if (!/\.(js|wasm|css|html|svg|json|webmanifest)$/.test(path)) continue;
  const body = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
}
