// Generates the app icons (PNG) into public/ using only Node built-in modules.
// Run once with `npm run icons`; the generated files are committed.
//
// The artwork is a white arched door on a teal background, drawn from simple
// shapes with 4x4 supersampling for smooth edges. public/favicon.svg is the
// same artwork as vector source.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const publicDir = join(here, '..', 'public');

const TEAL = [13, 92, 99];
const WHITE = [255, 255, 255];

// --- PNG encoding -----------------------------------------------------------

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Artwork (unit square coordinates, origin top-left) ---------------------

function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// Door centred in the unit square, before scaling.
function inDoor(x, y) {
  const left = 0.32;
  const right = 0.68;
  const archCentreY = 0.4;
  const archRadius = 0.18;
  const bottom = 0.78;
  if (x >= left && x <= right && y >= archCentreY && y <= bottom) return true;
  return y < archCentreY && (x - 0.5) ** 2 + (y - archCentreY) ** 2 <= archRadius ** 2;
}

function inKnob(x, y) {
  return (x - 0.605) ** 2 + (y - 0.6) ** 2 <= 0.032 ** 2;
}

function inStep(x, y) {
  return x >= 0.24 && x <= 0.76 && y >= 0.8 && y <= 0.84;
}

/**
 * Colour of one sample, or null for transparent.
 * @param {number} x
 * @param {number} y
 * @param {{ cornerRadius: number, scale: number }} style
 */
function sample(x, y, style) {
  if (style.cornerRadius > 0 && !inRoundedSquare(x, y, style.cornerRadius)) return null;
  // Scale the foreground around the centre (maskable icons keep it in the safe zone).
  const fx = 0.5 + (x - 0.5) / style.scale;
  const fy = 0.5 + (y - 0.5) / style.scale;
  if (inKnob(fx, fy)) return TEAL;
  if (inDoor(fx, fy) || inStep(fx, fy)) return WHITE;
  return TEAL;
}

function render(size, style) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4; // supersampling per axis
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, style);
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return encodePng(size, rgba);
}

const outputs = [
  // "any" purpose icons: rounded square with transparent corners.
  { file: 'icons/icon-192.png', size: 192, style: { cornerRadius: 0.2, scale: 1 } },
  { file: 'icons/icon-512.png', size: 512, style: { cornerRadius: 0.2, scale: 1 } },
  // Maskable: full bleed, artwork inside the central safe zone.
  { file: 'icons/maskable-512.png', size: 512, style: { cornerRadius: 0, scale: 0.8 } },
  // iOS applies its own rounding and ignores transparency.
  { file: 'apple-touch-icon.png', size: 180, style: { cornerRadius: 0, scale: 0.9 } },
  { file: 'icons/favicon-32.png', size: 32, style: { cornerRadius: 0.2, scale: 1 } },
];

for (const { file, size, style } of outputs) {
  const target = join(publicDir, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, render(size, style));
  console.log(`wrote ${file} (${size}x${size})`);
}
