import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import { gzipSync } from 'node:zlib';
const file = process.argv[2];
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(file + '.map', 'utf8'));
const smc = new SourceMapConsumer(map);
const lines = code.split('\n');
const lineStart = []; let o = 0; for (const l of lines) { lineStart.push(o); o += l.length + 1; }
const segs = [];
smc.eachMapping((m) => segs.push({ off: lineStart[m.generatedLine - 1] + m.generatedColumn, src: m.source }));
segs.sort((a, b) => a.off - b.off);
const per = new Map();
for (let i = 0; i < segs.length; i++) {
  const end = i + 1 < segs.length ? segs[i + 1].off : code.length;
  const s = (segs[i].src || '?').replace(/.*node_modules\//, 'nm/').replace(/.*\/src\//, 'src/');
  per.set(s, (per.get(s) || '') + code.slice(segs[i].off, end));
}
const total = gzipSync(code, { level: 9 }).length;
const rows = [...per].map(([s, t]) => [s, t.length, gzipSync(t, { level: 9 }).length]).sort((a, b) => b[1] - a[1]);
const raw = rows.reduce((a, r) => a + r[1], 0);
console.log('total gzip', total, 'raw', code.length);
const groups = new Map();
for (const [s, len, gz] of rows) { const g = s.startsWith('nm/') ? s.split('/').slice(0, s.startsWith('nm/@') ? 3 : 2).join('/') : s; const v = groups.get(g) || [0, 0]; groups.set(g, [v[0] + len, v[1] + gz]); }
for (const [g, [len, gz]] of [...groups].sort((a, b) => b[1][0] - a[1][0]).slice(0, +process.argv[3] || 40)) console.log(String(len).padStart(7), String(Math.round(len / raw * total)).padStart(6), g);
