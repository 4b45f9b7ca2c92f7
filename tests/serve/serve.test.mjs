// tools/serve.mjs must survive any request: `make run` and every later
// browser test depend on the one server process. Requests go over raw
// sockets, so the paths reach the server exactly as written, not cleaned up
// by a client. Run with `node --test tests/serve/` (`make serve-test`).
//
// The fuzz test uses a seeded generator: a failure prints its seed, and
// SERVE_FUZZ_SEED=<seed> repeats the same requests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { freePort } from '../free-port.mjs';

const SERVE = new URL('../../tools/serve.mjs', import.meta.url).pathname;
const INDEX = '<!doctype html><title>index marker</title>';
const SHELL = '<!doctype html><title>shell marker</title>';
const PRERENDERED = '<!doctype html><title>prerendered marker</title>';
// Kept beside the served folder: no request may ever read it.
const SECRET = 'SECRET-OUTSIDE-THE-SERVED-FOLDER';


/** Starts tools/serve.mjs on a fresh folder; resolves once it listens. */
async function startServer(prefix) {
  const base = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const root = join(base, 'dist');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, '404.html'), SHELL);
  mkdirSync(join(root, 'roles'));
  writeFileSync(join(root, 'roles', 'pa.html'), PRERENDERED);
  writeFileSync(join(root, 'app.js'), 'console.log("app");');
  writeFileSync(join(root, 'sub', 'page.css'), 'body{}');
  writeFileSync(join(root, 'folder.js'), 'folder');
  // A directory named like a brotli copy: reading it would throw.
  mkdirSync(join(root, 'folder.js.br'));
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'secret'), SECRET);
  const port = await freePort();
  const child = spawn(process.execPath, [SERVE, root, String(port), ...(prefix ? [prefix] : [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code} before listening: ${stderr}`)));
  });
  const server = {
    port,
    child,
    exited: null,
    stderr: () => stderr,
    stop() {
      child.kill();
      rmSync(base, { recursive: true, force: true });
    },
  };
  child.once('exit', (code, signal) => { server.exited = { code, signal }; });
  return server;
}

/**
 * Sends `raw` bytes and resolves with the status code (0 if the server
 * closed without answering) and the whole response text.
 */
function send(port, raw) {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const chunks = [];
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error(`no answer within 10 s to ${JSON.stringify(String(raw).slice(0, 200))}`));
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {}); // a reset after the answer is fine; the status decides
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number((text.match(/^HTTP\/1\.[01] (\d{3})/) || [])[1] || 0);
      resolve({ status, text });
    });
    socket.end(raw);
  });
}

/** A GET for `target`, written onto the wire byte for byte. */
function get(port, target) {
  const head = Buffer.from(`GET `, 'latin1');
  const body = Buffer.isBuffer(target) ? target : Buffer.from(target, 'latin1');
  const tail = Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: br\r\nConnection: close\r\n\r\n', 'latin1');
  return send(port, Buffer.concat([head, body, tail]));
}

/** The server still answers a normal request with the app. */
async function assertStillServing(server, after) {
  assert.equal(server.exited, null, `the server exited after ${after}: ${server.stderr()}`);
  const { status, text } = await get(server.port, '/');
  assert.equal(status, 200, `a normal request failed after ${after}`);
  assert.ok(text.includes('index marker'), `the app was not served after ${after}`);
}

describe('tools/serve.mjs serves the build', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(() => server.stop());

  test('files, deep links and missing files', async () => {
    assert.equal((await get(server.port, '/app.js')).status, 200);
    assert.equal((await get(server.port, '/sub/page.css')).status, 200);
    const deep = await get(server.port, '/check/some-id');
    assert.equal(deep.status, 200);
    assert.ok(deep.text.includes('shell marker'));
    assert.equal((await get(server.port, '/missing.js')).status, 404);
  });

  test('a prerendered page answers its address, with or without a final slash', async () => {
    for (const path of ['/roles/pa', '/roles/pa/']) {
      const page = await get(server.port, path);
      assert.equal(page.status, 200);
      assert.ok(page.text.includes('prerendered marker'), path);
    }
    assert.ok((await get(server.port, '/')).text.includes('index marker'));
    assert.ok((await get(server.port, '/roles')).text.includes('shell marker'));
  });

  test('a file and a sub-path build under its prefix', async () => {
    const sub = await startServer('/maps/');
    try {
      assert.equal((await get(sub.port, '/maps/app.js')).status, 200);
      assert.ok((await get(sub.port, '/maps/roles')).text.includes('shell marker'));
      assert.ok((await get(sub.port, '/maps/roles/pa')).text.includes('prerendered marker'));
      assert.equal((await get(sub.port, '/app.js')).status, 404);
    } finally {
      sub.stop();
    }
  });
});

describe('tools/serve.mjs survives bad requests', () => {
  let server;
  before(async () => { server = await startServer(); });
  // Each case starts with a live server, so one crash cannot hide another.
  beforeEach(async () => {
    if (server.exited) {
      server.stop();
      server = await startServer();
    }
  });
  after(() => server.stop());

  // Each: the request target, and the answers allowed for it.
  const cases = [
    ['/%ZZ', [400]],
    ['/%', [400]],
    ['/app%2', [400]],
    ['/%E0%A4%A', [400]],
    ['/%C0%AF', [400]], // an overlong (invalid) UTF-8 slash
    ['/%FF%FE', [400]],
    ['/roles/%ZZ/x.js', [400]],
    [`/${'a'.repeat(5_000)}`, [400, 404]],
    [`/${'a/'.repeat(3_000)}x.js`, [400, 404]],
    [`/${'%41'.repeat(2_000)}`, [400, 404]],
    [`/${'x'.repeat(70_000)}`, [400, 404, 414, 431]], // beyond Node's header limit
    ['/../secret.txt', [400, 404]],
    ['/../../../../etc/passwd', [400, 404]],
    ['/%2e%2e/secret.txt', [400, 404]],
    ['/%2E%2E/secret', [400, 404]],
    ['/..%2fsecret.txt', [400, 404]],
    ['/..%2Fsecret', [400, 404]],
    ['/sub/%2e%2e%2f%2e%2e%2fsecret.txt', [400, 404]],
    ['/sub%2f..%2f..%2fsecret.txt', [400, 404]],
    ['/..\\secret.txt', [400, 404]],
    ['/..%5csecret.txt', [400, 404]],
    ['/sub\\..\\..\\secret', [400, 404]],
    ['/%00', [400, 404]],
    ['/app.js%00.html', [400, 404]],
    ['/index.html%00', [400, 404]],
    ['/%2e%2e%00/secret', [400, 404]],
    ['/folder.js', [200, 400, 404, 500]], // its .br copy is a directory
    ['http://[::1/', [400, 404]], // absolute form with a broken host
    ['http://%zz/x', [400, 404]],
    ['//evil.example/../secret.txt', [400, 404]],
    ['*', [400, 404]],
    ['', [400, 404]],
    ['/\u00ff\u0080', [400, 404]],
  ];

  for (const [target, allowed] of cases) {
    const shown = target.length > 60 ? `${target.slice(0, 40)}… (${target.length} characters)` : target;
    test(`GET ${JSON.stringify(shown)} answers ${allowed.join(' or ')} and the server keeps serving`, async () => {
      const { status, text } = await get(server.port, target);
      assert.ok(allowed.includes(status), `answered ${status || 'nothing'}, expected ${allowed.join(' or ')}`);
      assert.ok(!text.includes(SECRET), 'a file outside the served folder was sent');
      await assertStillServing(server, `GET ${shown}`);
    });
  }

  test('other methods and a request that is not HTTP', async () => {
    for (const raw of [
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc',
      'DELETE /app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      'GARBAGE\r\n\r\n',
      '\u0000\u0001\u0002\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nBroken header line\r\n\r\n',
    ]) {
      const { status } = await send(server.port, Buffer.from(raw, 'latin1'));
      assert.ok([0, 400, 405].includes(status), `answered ${status} to ${JSON.stringify(raw)}`);
      await assertStillServing(server, JSON.stringify(raw));
    }
  });
});

/** Mulberry32: a small seeded generator, so a failing run can be repeated. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A damaged request target: pieces of paths, escapes good and bad, and stray bytes. */
function damagedTarget(random) {
  const pieces = [
    '/', '//', '.', '..', '../', '..\\', '\\', '%', '%2', '%2e', '%2E', '%2f', '%2F', '%5c', '%00', '%ZZ', '%zz',
    '%e0%a4', '%C0%AF', '%FF', '%80', '%25', '%%', '?', '#', ';', 'index.html', 'app.js', 'sub', 'secret.txt',
    'secret', '.br', '~', ':', '@', 'http://', 'a'.repeat(300), '\u00e9', '\u00ff',
  ];
  const parts = [random() < 0.9 ? '/' : ''];
  const count = 1 + Math.floor(random() * 12);
  for (let i = 0; i < count; i += 1) {
    if (random() < 0.15) {
      // A raw byte, printable or not (but never CR, LF or space, which end the line).
      let byte = Math.floor(random() * 256);
      if ([0x0a, 0x0d, 0x20].includes(byte)) byte = 0x2e;
      parts.push(String.fromCharCode(byte));
    } else {
      parts.push(pieces[Math.floor(random() * pieces.length)]);
    }
  }
  return parts.join('');
}

describe('tools/serve.mjs survives a fuzz of damaged paths', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(() => server.stop());

  test('2,000 damaged requests, then a normal one still succeeds', async () => {
    const seed = Number(process.env.SERVE_FUZZ_SEED || Math.floor(Math.random() * 2 ** 31));
    const random = generator(seed);
    const targets = Array.from({ length: 2_000 }, () => damagedTarget(random));
    const answers = new Map();
    // In batches, so some arrive together as they would from a browser.
    for (let start = 0; start < targets.length; start += 25) {
      const batch = targets.slice(start, start + 25);
      const results = await Promise.all(batch.map((target) => get(server.port, target)));
      batch.forEach((target, i) => {
        const { status, text } = results[i];
        const where = `(SERVE_FUZZ_SEED=${seed}) GET ${JSON.stringify(target)}`;
        assert.ok([200, 400, 404].includes(status), `${where} answered ${status || 'nothing'}`);
        assert.ok(!text.includes(SECRET), `${where} sent a file outside the served folder`);
        answers.set(status, (answers.get(status) || 0) + 1);
      });
      assert.equal(server.exited, null, `(SERVE_FUZZ_SEED=${seed}) the server exited: ${server.stderr()}`);
    }
    await assertStillServing(server, `2,000 damaged requests (SERVE_FUZZ_SEED=${seed})`);
    // The fuzz must reach the bad-request path, or it tests nothing new.
    assert.ok((answers.get(400) || 0) > 100, `only ${answers.get(400) || 0} requests were refused: ${[...answers]}`);
  });
});
