// Fails when the JS, wasm and CSS in the build, brotli-compressed, exceed
// the budget. All of them are counted: the first page loads all of them.
// Usage: node tools/size-budget.mjs <dist> <budget in KB>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const [dist = 'dist', budgetKb = '250'] = process.argv.slice(2);
// The wasm chunks of pages loaded on demand (tools/build-wasm.mjs).
const isChunk = (name) => /^lazy-[\w-]+-[0-9a-f]{16}\.wasm$/.test(name);
const files = readdirSync(dist)
  .filter((name) => /\.(js|wasm|css)$/.test(name) && !isChunk(name))
  .map((name) => join(dist, name))
  .filter((path) => statSync(path).isFile());
if (files.length === 0) throw new Error(`no JS, wasm or CSS in ${dist}: build first`);
let total = 0;
for (const path of files) {
  const raw = readFileSync(path);
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += brotli;
  console.log(`${path}: ${(raw.length / 1024).toFixed(1)} KB raw, ${(brotli / 1024).toFixed(1)} KB brotli`);
}
// Content the app fetches only when a page needs it (never on the first
// page): shown for the record, not counted.
for (const name of readdirSync(dist).filter((file) => /^(framework|glossary|roles)-[0-9a-f]+\.json$/.test(file))) {
  const brotli = brotliCompressSync(readFileSync(join(dist, name)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${join(dist, name)}: ${(brotli / 1024).toFixed(1)} KB brotli, fetched when a page needs it (not counted)`);
}
for (const name of readdirSync(dist).filter(isChunk)) {
  const brotli = brotliCompressSync(readFileSync(join(dist, name)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${join(dist, name)}: ${(brotli / 1024).toFixed(1)} KB brotli, fetched when a page needs it (not counted)`);
}
// The CSS is inline in index.html (tools/post-build.mjs), so the first
// page's styles are counted from there.
const styles = [...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/<style>([\s\S]*?)<\/style>/g)]
  .map(([, css]) => css).join('\n');
if (!styles) throw new Error(`no inline <style> in ${dist}/index.html: the CSS would go uncounted`);
const styleBrotli = brotliCompressSync(Buffer.from(styles), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
total += styleBrotli;
console.log(`${join(dist, 'index.html')} <style>: ${(styles.length / 1024).toFixed(1)} KB raw, ${(styleBrotli / 1024).toFixed(1)} KB brotli`);
const kb = total / 1024;
console.log(`Total JS + wasm + CSS, brotli: ${kb.toFixed(1)} KB (budget ${budgetKb} KB)`);
if (kb > Number(budgetKb)) {
  console.error(`Over the size budget by ${(kb - Number(budgetKb)).toFixed(1)} KB`);
  process.exit(1);
}
