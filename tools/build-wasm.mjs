// The app's wasm, built by tools/post-build.mjs in place of Trunk's rust
// pipeline, which cannot split a wasm (Trunk 0.21): the pages in src/lazy.rs
// go into chunks that the browser fetches the first time one of them shows.
//
// 1. cargo builds the wasm; .cargo/config.toml keeps the relocations
//    (--emit-relocs) that the split needs.
// 2. wasm-split-cli (crate wasm_split_cli_support) splits it at the
//    `#[wasm_split]` functions into a main module, one chunk per split
//    (`split_<name>`), chunks of code that several splits share
//    (`chunk_<n>`), and __wasm_split.js, which the main module imports to
//    fetch and instantiate chunks.
// 3. wasm-bindgen makes the main module's JS; --keep-lld-exports keeps the
//    function table that the chunks' code is added to.
// 4. wasm-opt, in a release build, shrinks the main module and each chunk.
//    WASM_KEEP_NAMES=1 keeps the functions' names in it, for a profile of
//    the release build (`make build WASM_KEEP_NAMES=1`; larger, never
//    shipped).
// 5. Every file gets a name with a hash of its content, for the staging
//    directory: lazy-<split>-<hash>.wasm for the chunks and
//    lazy-loader-<hash>.js for the chunk loader.
//
// Steps 2 to 4 take most of a build once cargo has nothing to compile
// (wasm-opt on some 25 modules), and their output depends only on cargo's
// wasm, the tools and this script. So their output is kept with a key made
// of those, and used again when the key is the same: a second `make build`
// with no change in the code, and the sub-path build that `make test` makes
// after the root one (the wasm does not depend on the public URL).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const NAME = 'maps-capability-checker';
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit' });
}

/** The chunk files wasm-split-cli wrote into `work`. */
function splitChunks(work) {
  return readdirSync(work).filter((file) => /^(split|chunk)_\w+\.wasm$/.test(file));
}

/**
 * What the output of steps 2 to 4 depends on: cargo's wasm, whether the
 * build is a release (wasm-opt), the three tools' versions and this script.
 */
const KEEP_NAMES = process.env.WASM_KEEP_NAMES === '1';

function workKey(input, release) {
  const version = (tool) => execFileSync(tool, ['--version'], { encoding: 'utf8' }).trim();
  // wasm-split-cli has no --version; cargo knows what it installed.
  const split = execFileSync('cargo', ['install', '--list'], { encoding: 'utf8' })
    .split('\n').find((line) => line.startsWith('wasm_split_cli_support '));
  if (!split) throw new Error('wasm-split-cli is not installed by cargo: run `make tools`');
  return createHash('sha256')
    .update(readFileSync(input))
    .update(JSON.stringify([release, KEEP_NAMES, split, version('wasm-bindgen'), version('wasm-opt')]))
    .update(readFileSync(new URL(import.meta.url)))
    .digest('hex');
}

/**
 * Builds the wasm into `staging` and returns the names of the files the
 * page loads first: `{ js, wasm }` (the wasm-bindgen module and the main
 * wasm), plus `lazy`, the chunk files, fetched when a page needs them.
 */
export function buildWasm(staging, release) {
  const profile = release ? 'release' : 'debug';
  run('cargo', ['build', '--target=wasm32-unknown-unknown', `--bin=${NAME}`, ...(release ? ['--release'] : [])]);
  const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version=1', '--no-deps'], { encoding: 'utf8' }));
  const input = join(metadata.target_directory, 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);
  const work = join(metadata.target_directory, 'wasm-split', profile);
  const bindgen = join(work, 'bindgen');
  const mainWasm = join(bindgen, `${NAME}_bg.wasm`);
  const keyFile = join(work, 'key');
  const key = workKey(input, release);
  if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
    console.log(`build-wasm: the split of this wasm is kept from an earlier build (${work})`);
  } else {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    run('wasm-split-cli', [input, work, '--target=web', `--out-name=${NAME}`]);
    run('wasm-bindgen', ['--target=web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      `--out-dir=${bindgen}`, `--out-name=${NAME}`, join(work, `${NAME}.wasm`)]);
    if (release) {
      for (const path of [mainWasm, ...splitChunks(work).map((file) => join(work, file))]) {
        run('wasm-opt', ['-Oz', ...(KEEP_NAMES ? ['--debuginfo'] : []), path, `--output=${path}`]);
      }
    }
    // Written last: a build stopped part-way leaves no key, so nothing of
    // it is used again.
    writeFileSync(keyFile, key);
  }
  const chunks = splitChunks(work);

  const lazy = [];
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  for (const file of chunks) {
    const bytes = readFileSync(join(work, file));
    const name = `lazy-${file.replace(/\.wasm$/, '').replace(/^split_/, '')}-${hash(bytes)}.wasm`;
    if (!loader.includes(`"./${file}"`)) throw new Error(`__wasm_split.js does not load ${file}`);
    loader = loader.replaceAll(`"./${file}"`, `"./${name}"`);
    writeFileSync(join(staging, name), bytes);
    lazy.push(name);
  }
  const journeys = journeyFiles(loader, lazy);
  const wasmBytes = readFileSync(mainWasm);
  const base = `${NAME}-${hash(wasmBytes)}`;
  const wasm = `${base}_bg.wasm`;
  const js = `${base}.js`;
  if (!loader.includes(`from "./${NAME}.js"`)) throw new Error('__wasm_split.js does not import the main module');
  loader = loader.replace(`from "./${NAME}.js"`, `from "./${js}"`);
  const loaderName = `lazy-loader-${hash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);
  writeFileSync(join(staging, wasm), wasmBytes);

  let bindings = readFileSync(join(bindgen, `${NAME}.js`), 'utf8');
  // One import line per split, all of the same file.
  const importLoader = /from ?(["'])\.\/__wasm_split\.js\1/g;
  if (!importLoader.test(bindings)) throw new Error('the wasm-bindgen module does not import __wasm_split.js');
  bindings = bindings.replace(importLoader, `from "./${loaderName}"`);
  writeFileSync(join(staging, js), bindings);
  return { js, wasm, loader: loaderName, lazy, journeys };
}

/**
 * The files each split's code needs, from the chunk loader that fetches
 * them: `{ share: ['lazy-share-<hash>.wasm', 'lazy-chunk_9-<hash>.wasm',
 * …], … }`, the split's own file first, then the shared chunks it waits for.
 */
function journeyFiles(loader, lazy) {
  const fileOf = {};
  for (const [, name, file] of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    fileOf[name] = file;
  }
  const journeys = {};
  const splits = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[^]*?\n, \[([^\]]*)\]\)\)/g;
  for (const [, journey, file, deps] of loader.matchAll(splits)) {
    const chunks = deps.split(',').map((dep) => dep.trim()).filter(Boolean).map((dep) => {
      if (!fileOf[dep]) throw new Error(`__wasm_split.js: ${journey} waits for ${dep}, which it does not fetch`);
      return fileOf[dep];
    });
    journeys[journey] = [file, ...chunks];
  }
  const named = new Set(Object.values(journeys).flat());
  const missing = lazy.filter((file) => !named.has(file));
  if (missing.length) throw new Error(`__wasm_split.js: no split needs ${missing.join(', ')}`);
  return journeys;
}
