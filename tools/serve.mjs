// A small static server for the release build, on 127.0.0.1 only.
// - Unknown paths without a file extension get index.html, so deep links
//   work as they would on a host with a single-page-app fallback.
// - Pre-compressed .br files are served when the browser accepts brotli.
// - A path prefix can be given (third argument) to test a sub-path build.
// Usage: node tools/serve.mjs <dir> <port> [/sub/path/]
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const [root = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.ico': 'image/x-icon',
};

function resolve(urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  const relative = normalize(decodeURIComponent(urlPath.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, relative);
  if (relative && existsSync(file) && statSync(file).isFile()) return file;
  return extname(relative) ? null : join(root, 'index.html');
}

createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const file = resolve(url.pathname);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found');
    return;
  }
  const headers = {
    'content-type': types[extname(file)] || 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  };
  const brotli = `${file}.br`;
  if ((request.headers['accept-encoding'] || '').includes('br') && existsSync(brotli)) {
    headers['content-encoding'] = 'br';
    headers.vary = 'accept-encoding';
    response.writeHead(200, headers);
    response.end(readFileSync(brotli));
    return;
  }
  response.writeHead(200, headers);
  response.end(readFileSync(file));
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
