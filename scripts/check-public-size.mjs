// Gzipped size of the public entry's JavaScript (dist/web/index.html: its module scripts and
// modulepreloads). Exits 1 at or above the budget. Run after `vite build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 60;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist/web');
const htmlPath = path.join(dist, 'index.html');

if (!fs.existsSync(htmlPath)) {
  console.error(`${path.relative(root, htmlPath)} not found: run \`npx vite build\` first.`);
  process.exit(1);
}
const html = fs.readFileSync(htmlPath, 'utf8');
const refs = new Set();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) refs.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) refs.add(m[1]);

// follow static imports between chunks too, in case a chunk is not preloaded
const queue = [...refs];
const seen = new Map();
while (queue.length) {
  const ref = queue.shift();
  const file = path.join(dist, ref.replace(/^\//, '').split('?')[0]);
  if (seen.has(file) || !file.endsWith('.js')) continue;
  const code = fs.readFileSync(file);
  seen.set(file, gzipSync(code, { level: 9 }).length);
  for (const m of code.toString('utf8').matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    queue.push(path.posix.join(path.posix.dirname(ref), m[1]));
  }
}

let total = 0;
for (const [file, size] of seen) {
  total += size;
  console.log(`${(size / 1024).toFixed(2).padStart(8)} KB  ${path.relative(root, file)}`);
}
const kb = total / 1024;
console.log(`${kb.toFixed(2).padStart(8)} KB  public entry JS, gzipped (budget < ${BUDGET_KB} KB)`);
if (seen.size === 0) {
  console.error('No script found in dist/web/index.html.');
  process.exit(1);
}
if (kb >= BUDGET_KB) {
  console.error(`Over budget: the public entry must stay under ${BUDGET_KB} KB gzipped.`);
  process.exit(1);
}
