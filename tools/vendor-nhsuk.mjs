// Copies the NHS.UK frontend's compiled CSS and the icons it uses from the
// npm package into vendor/, ready for Trunk.
//
// Three changes on the way:
// - the @font-face rules are dropped: they load Frutiger from assets.nhs.uk,
//   and no request may leave the app's origin (the frontend falls back to
//   Arial, as it does whenever that font fails);
// - icon addresses become relative, so a sub-path build finds them;
// - rules for components the app never uses are dropped: a selector is kept
//   only if every nhsuk- class in it appears somewhere in src/ or index.html.
//   This takes the stylesheet from 23 KB to a fraction of that, brotli;
// - custom properties that nothing reads with var() are dropped: the
//   compiled rules carry their values already (about 0.8 KB brotli).
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const from = 'node_modules/nhsuk-frontend/dist/nhsuk';
const to = 'vendor';
mkdirSync(join(to, 'nhsuk-images'), { recursive: true });

function files(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const used = new Set();
for (const path of [...files('src'), 'index.html']) {
  for (const match of readFileSync(path, 'utf8').matchAll(/nhsuk-[a-z0-9_-]+/g)) used.add(match[0]);
}

/** Splits CSS into top-level chunks: `prelude{body}` with nesting respected. */
function blocks(css) {
  const out = [];
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let i = 0; i < css.length; i += 1) {
    const c = css[i];
    if (c === '{') {
      if (depth === 0) open = i;
      depth += 1;
    } else if (c === '}') {
      depth -= 1;
      if (depth === 0) {
        out.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
        start = i + 1;
      }
    } else if (c === ';' && depth === 0) {
      out.push({ prelude: css.slice(start, i + 1).trim(), body: null });
      start = i + 1;
    }
  }
  return out;
}

/** Splits a selector list on top-level commas (not those inside :is() or :not()). */
function selectors(prelude) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i += 1) {
    const c = prelude[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === ',' && depth === 0) {
      out.push(prelude.slice(start, i));
      start = i + 1;
    }
  }
  out.push(prelude.slice(start));
  return out;
}

function keepSelector(selector) {
  const classes = selector.match(/\.nhsuk-[a-z0-9_-]+/g) || [];
  return classes.every((name) => used.has(name.slice(1)));
}

function purge(css) {
  let out = '';
  for (const { prelude, body } of blocks(css)) {
    if (body === null) {
      out += prelude;
    } else if (prelude.startsWith('@font-face')) {
      continue;
    } else if (prelude.includes('\\0')) {
      continue; // Internet Explorer hacks: no browser the app supports reads them.
    } else if (/^@(media|supports|layer|container)/.test(prelude)) {
      const inner = purge(body);
      if (inner) out += `${prelude}{${inner}}`;
    } else if (prelude.startsWith('@')) {
      out += `${prelude}{${body}}`;
    } else {
      const kept = selectors(prelude).filter(keepSelector);
      if (kept.length) out += `${kept.join(',')}{${body}}`;
    }
  }
  return out;
}

/** Removes `--name: value` declarations whose name no var() reads. */
function dropUnreadCustomProperties(css) {
  const read = new Set();
  for (const text of [css, readFileSync('src/styles/app.css', 'utf8')]) {
    for (const match of text.matchAll(/var\(\s*(--[a-z0-9-]+)/g)) read.add(match[1]);
  }
  return css
    // Only declarations: right after "{" or ";". A BEM modifier before a
    // pseudo-class in a selector (.nhsuk-button--secondary:hover) looks alike.
    .replace(/(?<=[{;])(--[a-z0-9-]+):[^;{}]*;?/g, (declaration, name) => (read.has(name) ? declaration : ''))
    .replace(/(^|[;}])[^{};@]+\{\}/g, '$1');
}

let css = dropUnreadCustomProperties(purge(readFileSync(join(from, 'nhsuk-frontend.min.css'), 'utf8')));
css = css.replace(/url\(\/assets\/images\//g, 'url(nhsuk-images/');
if (/url\((?!nhsuk-images\/|data:|["']?#)/.test(css)) {
  throw new Error('nhsuk-frontend CSS still references an address outside the app');
}
writeFileSync(join(to, 'nhsuk-frontend.css'), css);

const images = join(from, 'assets', 'images');
for (const name of readdirSync(images)) {
  if (css.includes(`nhsuk-images/${name}`)) {
    copyFileSync(join(images, name), join(to, 'nhsuk-images', name));
  }
}
