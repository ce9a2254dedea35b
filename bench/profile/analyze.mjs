#!/usr/bin/env node
// Summarise a .cpuprofile: top functions by self time and by inclusive (total) time.
// Usage: node bench/profile/analyze.mjs <file.cpuprofile> [top=25] [filter-regex]
// ROOT=<functionName> restricts to samples whose stack contains that function (GC samples are
// attributed to their parent frame's stack by V8 only when it reports one; otherwise they are dropped).
import { readFileSync } from 'node:fs';

const [file, topArg = '25', filter] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
let total = 0;
const key = (n) => {
  const f = n.callFrame;
  const url = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/bench\/\.out\//, 'bundle:');
  return `${f.functionName || '(anonymous)'} ${url}:${f.lineNumber + 1}`;
};
const ROOT = process.env.ROOT;
const underRoot = (id) => {
  for (let i = id; i !== undefined; i = parent.get(i)) if (byId.get(i).callFrame.functionName === ROOT) return true;
  return false;
};
if (ROOT) for (const id of [...self.keys()]) if (!underRoot(id)) self.delete(id);
const selfBy = new Map();
const inclBy = new Map();
for (const n of prof.nodes) {
  const s = self.get(n.id) ?? 0;
  if (!s) continue;
  selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + s);
  // inclusive: add to every distinct frame key on the stack (once per key)
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const k = key(byId.get(id));
    if (seen.has(k)) continue;
    seen.add(k);
    inclBy.set(k, (inclBy.get(k) ?? 0) + s);
  }
}
total = [...self.values()].reduce((a, b) => a + b, 0);
const re = filter ? new RegExp(filter) : null;
const show = (title, m) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  [...m]
    .filter(([k]) => !re || re.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(topArg))
    .forEach(([k, v]) => console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`));
};
show('SELF time', selfBy);
show('INCLUSIVE time', inclBy);
