// Trunk post-build hook, run in the staging directory before it becomes dist/.
//
// 1. Trunk writes its wasm loader as an inline module script. Our CSP has no
//    'unsafe-inline', so the script moves to boot-<hash>.js. The wasm-bindgen
//    module it imports is minified here: Trunk's own minifier cannot parse
//    it, and minified it is 1.7 KB smaller with brotli. Its integrity hash
//    in index.html is updated to match.
// 2. framework.json, fetched by the pages that need it, is minified and
//    renamed framework-<hash>.json, a name index.html gives the app in
//    <meta name="app-framework">: a cached framework can never meet a newer
//    app, or the other way round.
// 3. 404.html, a copy of index.html: hosts with no single-page-app rewrite
//    (GitHub Pages) answer a deep link with it, and the router takes over.
// 4. precache-manifest.js, the list of this build's files (with their hashed
//    names) for the service worker to keep for offline use, and a version
//    that changes whenever any of them does.
// 5. Brotli and gzip copies of text and wasm files, for static hosts that
//    can serve pre-compressed files (smaller downloads on slow phones).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from trunk');

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline module script found in index.html');
const code = match[1].trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(staging, name), code);
const base = process.env.TRUNK_PUBLIC_URL || '/';
html = html.replace(inline, `<script type="module" src="${base}${name}"></script>`);

const bindingsUrl = code.match(/from '([^']+\.js)'/)?.[1];
if (!bindingsUrl?.startsWith(base)) throw new Error('the loader does not import the wasm-bindgen module');
const bindingsPath = join(staging, bindingsUrl.slice(base.length));
const minified = await minify(readFileSync(bindingsPath, 'utf8'), { module: true, compress: true, mangle: true });
if (!minified.code) throw new Error('terser returned nothing for the wasm-bindgen module');
writeFileSync(bindingsPath, minified.code);
const integrity = `sha384-${createHash('sha384').update(minified.code).digest('base64')}`;
const preload = new RegExp(`<link[^>]*href="?${bindingsUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?[^>]*>`);
const preloadTag = html.match(preload)?.[0];
if (!preloadTag?.includes('integrity=')) throw new Error('no modulepreload with integrity for the wasm-bindgen module');
html = html.replace(preloadTag, preloadTag.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity=${integrity}`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html still has an inline script');

const frameworkJson = JSON.stringify(JSON.parse(readFileSync(join(staging, 'framework.json'), 'utf8')));
const frameworkFile = `framework-${createHash('sha256').update(frameworkJson).digest('hex').slice(0, 16)}.json`;
writeFileSync(join(staging, frameworkFile), frameworkJson);
rmSync(join(staging, 'framework.json'));
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
html = html.replace('</head>', `<meta name="app-framework" content="${frameworkFile}"></head>`);
writeFileSync(indexPath, html);
writeFileSync(join(staging, '404.html'), html);

function walk(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

// Paths relative to sw.js, which sits at the base, so a sub-path build works.
// Left out: the worker and its list (the browser fetches those itself), and
// 404.html, which is index.html again.
const notKept = new Set(['sw.js', 'precache-manifest.js', '404.html']);
const kept = walk(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((file) => !notKept.has(file) && !/\.(br|gz)$/.test(file))
  .sort();
const version = createHash('sha256');
for (const file of [...kept, 'sw.js']) version.update(file).update('\0').update(readFileSync(join(staging, file)));
const precache = { version: version.digest('hex').slice(0, 16), files: kept };
writeFileSync(join(staging, 'precache-manifest.js'),
  `// Written by tools/post-build.mjs for sw.js: this build's files.\nself.PRECACHE = ${JSON.stringify(precache, null, 2)};\n`);

for (const path of walk(staging)) {
  if (!/\.(js|wasm|css|html|svg|json|webmanifest)$/.test(path)) continue;
  const body = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
}
