#!/usr/bin/env node
// test_results.mjs - reads the result files the test runners wrote (JUnit XML from CTest, doctest and
// node's test runner; build/fuzz-results.tsv from scripts/fuzz.sh) and prints one summary line per runner
// and a final "N passed, N failed" line; exits 1 if anything failed or a result file is missing.
// Called by scripts/test.sh. Arguments, one per runner:
//   each:<label>:<file>  every test case in the file counts once
//   one:<label>:<file>   the whole file counts as one test (a re-run of suites counted elsewhere:
//                        ASan+UBSan, WebAssembly), which passes only if every case in it passed
//   pass:<label> / fail:<label>   a step that is one test by itself (the fingerprint) or that could not run
import fs from 'node:fs';

// Test cases of a JUnit file: name, and whether each failed or was skipped. CTest marks a failed case
// with status="fail" and a <failure>; doctest and node with <failure> or <error>.
function junitCases(text) {
  const cases = [];
  const parts = text.split(/<testcase\b/).slice(1);
  for (const p of parts) {
    const head = p.slice(0, p.indexOf('>') + 1);
    const body = head.endsWith('/>') ? '' : p.slice(0, p.indexOf('</testcase>') >= 0 ? p.indexOf('</testcase>') : p.length);
    const name = (head.match(/\bname="([^"]*)"/) || [])[1] || '?';
    const failed = /<failure\b|<error\b/.test(body) || /\bstatus="fail"/.test(head);
    const skipped = !failed && (/<skipped\b/.test(body) || /\bstatus="(notrun|disabled)"/.test(head));
    cases.push({ name, failed, skipped });
  }
  return cases;
}
function fuzzCases(text) {
  return text.split('\n').filter((l) => l.trim()).map((l) => {
    const [name, runs, result] = l.split('\t');
    return { name: `${name} (${runs} runs)`, failed: result !== 'ok', skipped: false };
  });
}

let passed = 0, failed = 0;
const lines = [];
for (const arg of process.argv.slice(2)) {
  const [mode, label, ...rest] = arg.split(':');
  const file = rest.join(':');
  if (mode === 'pass' || mode === 'fail') {
    lines.push(`${label}: ${mode === 'pass' ? 'passed' : 'FAILED'}`);
    if (mode === 'pass') passed += 1; else failed += 1;
    continue;
  }
  if (mode !== 'each' && mode !== 'one') { console.error(`test_results: unknown mode '${mode}' in '${arg}' (allowed: each, one, pass, fail)`); process.exit(2); }
  let text;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) { lines.push(`${label}: FAILED - no results (${file} was not written)`); failed += 1; continue; }
  const cases = file.endsWith('.tsv') ? fuzzCases(text) : junitCases(text);
  const bad = cases.filter((c) => c.failed), skipped = cases.filter((c) => c.skipped);
  const ran = cases.length - skipped.length;
  const tail = `${ran - bad.length} passed, ${bad.length} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`
    + (bad.length ? `: ${bad.slice(0, 8).map((c) => c.name).join('; ')}${bad.length > 8 ? '; ...' : ''}` : '');
  if (cases.length === 0) { lines.push(`${label}: FAILED - the result file holds no test cases`); failed += 1; continue; }
  lines.push(`${label}: ${tail}`);
  if (mode === 'each') { passed += ran - bad.length; failed += bad.length; }
  else if (bad.length) failed += 1; else passed += 1;
}
console.log(lines.join('\n'));
console.log('(distinct tests; the ASan+UBSan and wasm re-runs of the same suites count once each)');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
