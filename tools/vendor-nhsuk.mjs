// Copies the NHS.UK frontend's compiled CSS and the icons it uses from the
// npm package into vendor/, ready for Trunk.
//
// Two changes on the way, both so that no request leaves the app's origin:
// - the @font-face rules are dropped: they load Frutiger from assets.nhs.uk
//   (the frontend falls back to Arial, as it does whenever that font fails);
// - icon addresses become relative, so the build also works under a sub-path.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const from = 'node_modules/nhsuk-frontend/dist/nhsuk';
const to = 'vendor';
mkdirSync(join(to, 'nhsuk-images'), { recursive: true });

let css = readFileSync(join(from, 'nhsuk-frontend.min.css'), 'utf8');
css = css.replace(/@font-face\{[^}]*\}/g, '');
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
