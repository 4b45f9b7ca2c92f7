// Draws the app's PNG icons into public/icons/, for phones that want a
// bitmap on the home screen. Run by hand when the design changes, and commit
// the PNGs: the build only copies them, so it needs no image tools.
// The design is public/favicon.svg's: a white tick on NHS blue.
// Usage: node tools/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x00, 0x5e, 0xb8];
const WHITE = [0xff, 0xff, 0xff];
// favicon.svg's tick, in its 32-unit box: a 4-unit stroke with round ends.
const TICK = [[8, 17], [13, 22], [24, 10]];
const STROKE = 2;
const CORNER = 6;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of 8-bit RGBA pixels, `rgba` holding size * size * 4 bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // each row starts with its filter type: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Signed distance to the rounded square's edge: negative inside. */
function roundedSquare([x, y], corner) {
  const qx = Math.abs(x - 16) - (16 - corner);
  const qy = Math.abs(y - 16) - (16 - corner);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - corner;
}

/**
 * Draws the icon at `size` pixels. A maskable icon fills the square (the
 * phone cuts its own shape) and shrinks the tick into the safe circle.
 */
function draw(size, maskable) {
  const units = size / 32;
  const tickScale = maskable ? 0.8 : 1;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const point = [(x + 0.5) / units, (y + 0.5) / units];
      // Coverage from the distance in pixels gives smooth, anti-aliased edges.
      const cover = (distance) => Math.max(0, Math.min(1, 0.5 - distance * units));
      const inSquare = maskable ? 1 : cover(roundedSquare(point, CORNER));
      const scaled = [16 + (point[0] - 16) / tickScale, 16 + (point[1] - 16) / tickScale];
      const toTick = Math.min(distanceToSegment(scaled, TICK[0], TICK[1]), distanceToSegment(scaled, TICK[1], TICK[2]));
      const inTick = cover((toTick - STROKE) * tickScale);
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c += 1) rgba[offset + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * inTick);
      rgba[offset + 3] = Math.round(255 * inSquare);
    }
  }
  return encodePng(size, rgba);
}

writeFileSync('public/icons/icon-192.png', draw(192, false));
writeFileSync('public/icons/icon-512.png', draw(512, false));
writeFileSync('public/icons/icon-maskable-512.png', draw(512, true));
