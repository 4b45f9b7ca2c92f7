// Trunk post-build hook, run in the staging directory before it becomes dist/.
//
// 1. Trunk writes its wasm loader as an inline module script. Our CSP has no
//    'unsafe-inline', so the script moves to boot-<hash>.js.
// 2. Brotli and gzip copies of text and wasm files, for static hosts that
//    can serve pre-compressed files (smaller downloads on slow phones).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html still has an inline script');
writeFileSync(indexPath, html);

function walk(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
for (const path of walk(staging)) {
  if (!/\.(js|wasm|css|html|svg|json|webmanifest)$/.test(path)) continue;
  const body = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
}
