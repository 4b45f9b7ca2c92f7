// A small static server for the release build, on 127.0.0.1 only.
// - A path without a file extension is a page of the app: its prerendered
//   copy if the build made one ("roles/pa.html" for /roles/pa, as static
//   hosts answer, index.html for the start page), otherwise the app's
//   shell, 404.html (index.html where there is none), as a host with a
//   single-page-app fallback would answer a deep link.
// - Pre-compressed .br files are served when the browser accepts brotli.
// - A path prefix can be given (third argument) to test a sub-path build.
// - It survives any request (tests/serve/serve.test.mjs): a target that is
//   not a plain path, longer than MAX_TARGET, badly escaped, or with a `.` or
//   `..` segment, a backslash, an escaped slash or a control character (NUL
//   included) in any segment gets 400; only GET and HEAD are answered (405);
//   a file that cannot be read gets 500. Nothing outside <dir> is ever read.
// Usage: node tools/serve.mjs <dir> <port> [/sub/path/]
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const [root = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
const rootPath = resolve(root);
/** Longest request target answered, in characters (the app's own are far shorter). */
const MAX_TARGET = 2048;
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.ico': 'image/x-icon',
};

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * What to answer for a request target (`request.url`, as sent):
 * `{ file }` with a path inside the root, or `{ status }` (400 or 404).
 */
function locate(target) {
  if (!target.startsWith('/') || target.length > MAX_TARGET) return { status: 400 };
  const path = target.split(/[?#]/, 1)[0];
  if (!path.startsWith(prefix)) return { status: 404 };
  let segments;
  try {
    segments = path.slice(prefix.length).split('/').map(decodeURIComponent);
  } catch {
    return { status: 400 }; // a malformed escape such as %ZZ or a broken UTF-8 sequence
  }
  if (segments.some((segment) => segment === '.' || segment === '..' || /[/\\\u0000-\u001f\u007f]/.test(segment))) {
    return { status: 400 };
  }
  const relative = segments.filter(Boolean).join('/');
  const file = resolve(rootPath, relative);
  if (file !== rootPath && !file.startsWith(rootPath + sep)) return { status: 400 };
  if (relative && isFile(file)) return { file };
  if (extname(relative)) return { status: 404 };
  const prerendered = join(rootPath, relative ? `${relative}.html` : 'index.html');
  if (isFile(prerendered)) return { file: prerendered };
  const shell = join(rootPath, '404.html');
  return { file: isFile(shell) ? shell : join(rootPath, 'index.html') };
}

function answer(response, status, text, headers = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}

function handle(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    answer(response, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    return;
  }
  const found = locate(request.url);
  if (found.status === 400) return answer(response, 400, 'Bad request');
  if (found.status) return answer(response, 404, 'Not found');
  const { file } = found;
  const headers = {
    'content-type': types[extname(file)] || 'application/octet-stream',
    'cache-control': extname(file) === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  };
  const brotli = `${file}.br`;
  const useBrotli = (request.headers['accept-encoding'] || '').includes('br') && isFile(brotli);
  let body;
  try {
    body = readFileSync(useBrotli ? brotli : file);
  } catch {
    return answer(response, 500, 'The file could not be read');
  }
  if (useBrotli) {
    headers['content-encoding'] = 'br';
    headers.vary = 'accept-encoding';
  }
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

createServer((request, response) => {
  try {
    handle(request, response);
  } catch (error) {
    // A fault here must cost one answer, not the server.
    console.error(`serve.mjs: ${request.method} ${JSON.stringify(request.url)}: ${error}`);
    if (response.headersSent) response.destroy();
    else answer(response, 500, 'Internal error');
  }
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
