// Writes gzip and brotli copies next to the text files of the build (foo.js.gz,
// foo.js.br). The server (WhiteNoise) sends them to browsers that accept them, so
// the hashed assets travel compressed without compressing on every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../../backend/pwa_build/', import.meta.url).pathname;
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
const MIN_BYTES = 512;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for (const path of files(root)) {
  if (!COMPRESSIBLE.test(path)) continue;
  const data = readFileSync(path);
  if (data.length < MIN_BYTES) continue;
  const gzip = gzipSync(data, { level: 9 });
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  // Only keep a compressed copy that is actually smaller.
  if (gzip.length < data.length) writeFileSync(`${path}.gz`, gzip);
  if (brotli.length < data.length) writeFileSync(`${path}.br`, brotli);
  count++;
}
console.log(`compressed ${count} files (gzip, brotli) in ${root}`);
