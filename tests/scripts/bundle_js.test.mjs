// bundle_js.test.mjs - scripts/bundle_js.mjs, which joins the page's modules (web/js/) into dist/app.js:
// the bundle runs its modules in the order Node's own ES module loader does (cycles included) and gives
// the same results; everything the one scope could not honour is refused with the file and line; and
// the page's modules bundle, compile, minify and pass the checker (moduleProblems). Runs without a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';
import { bundleModules, moduleProblems, BundleError } from '../../scripts/bundle_js.mjs';

// A folder of modules (name -> text) with a package.json that makes Node read .js as ES modules.
function folder(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-bundle-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
// The bundle's log when run as one script, and Node's when it loads the modules themselves.
function runBundle(code) {
  const log = [];
  vm.runInNewContext(code, { log: (x) => log.push(x) });
  return log;
}
async function runModules(entry) {
  const log = [];
  globalThis.log = (x) => log.push(x);
  try { await import(pathToFileURL(entry).href); } finally { delete globalThis.log; }
  return log;
}

test('modules run in the order and with the results of real ES modules: depth first, a cycle entered once, live bindings', async () => {
  const dir = folder({
    'main.js': "import { a, bump, count } from './a.js';\nimport './side.js';\nimport { b } from './b.js';\nlog('main ' + a() + ' ' + b());\nbump();\nbump();\nlog('count ' + count);\n",
    'a.js': "import { c } from './c.js';\nimport { b } from './b.js';\nlog('a');\nexport function a() { return 'a' + c + b(); }\nexport let count = 0;\nexport const bump = () => { count++; };\n",
    // b imports a back (a cycle): a is on the way, so b runs first, and a's functions are there when called.
    'b.js': "import { a } from './a.js';\nlog('b');\nexport function b() { return 'b'; }\nexport async function later() { return a(); }\n",
    'c.js': "log('c');\nexport const c = 'c';\nexport class Shape { area() { return 0; } }\n",
    'side.js': "log('side');\n",
  });
  const { code, files } = bundleModules(path.join(dir, 'main.js'));
  assert.deepEqual(files.map((f) => path.basename(f)), ['c.js', 'b.js', 'a.js', 'side.js', 'main.js']);
  const expected = await runModules(path.join(dir, 'main.js'));
  assert.deepEqual(expected, ['c', 'b', 'a', 'side', 'main acb b', 'count 2']);
  assert.deepEqual(runBundle(code), expected, 'the bundle logs what the modules log');
  assert.ok(!/\bimport\b|\bexport\b/.test(code), 'no import or export is left');
  assert.ok(code.startsWith("(function () {\n'use strict';\n"), 'one strict function scope');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('what one scope cannot honour is refused, naming the file and line', () => {
  const cases = [
    [{ 'x.js': 'export const x = 1;\n' }, "import { y } from './x.js';\n", /main\.js:1: .*x\.js exports no y/],
    [{ 'x.js': 'export const x = 1;\n' }, "import { x as y } from './x.js';\n", /main\.js:1: import \{ x as y \}: aliases/],
    [{ 'x.js': 'export const x = 1;\n' }, "import x from './x.js';\n", /main\.js:1: only named imports/],
    [{ 'x.js': 'export const x = 1;\n' }, "import * as x from './x.js';\n", /main\.js:1: only named imports/],
    [{}, "import { y } from 'lib';\n", /main\.js:1: import from "lib": only relative paths/],
    [{}, "import { y } from './missing.js';\n", /main\.js:1: imports .*missing\.js, which does not exist/],
    [{}, 'const a = 1;\nexport { a };\n', /main\.js:2: export lists, re-exports and export default/],
    [{}, "export * from './x.js';\n", /main\.js:1: export lists, re-exports/],
    [{}, 'export default function f() {}\n', /main\.js:1: export default/],
    [{}, 'export var v = 1;\n', /main\.js:1: export var/],
    [{}, "log(1);\nconst m = import('./x.js');\n", /main\.js:2: import\(\) is not bundled/],
    [{}, 'const u = import.meta.url;\n', /main\.js:1: import\.meta/],
    [{}, 'await Promise.resolve();\n', /main\.js:1: top-level await/],
    [{}, 'const f = 1;\nfunction f() {}\n', /main\.js:2: f is declared twice/],
    [{ 'x.js': 'export const x = 1;\n' }, "import { x } from './x.js';\nconst x = 2;\n", /main\.js:2: x is declared twice/],
    // The same private name in two modules would be one variable in one scope.
    [{ 'x.js': 'let n = 0;\nexport const x = () => n;\n' }, "import { x } from './x.js';\nlet n = 1;\n", /main\.js:2: n is also declared at .*x\.js:1/],
    [{ 'x.js': 'const { a, b: [c] } = { a: 1, b: [2] };\nexport const x = 1;\n' }, "import { x } from './x.js';\nfunction c() {}\n", /main\.js:2: c is also declared at .*x\.js:1/],
    [{}, 'const = 1;\n', /main\.js:1: /],
  ];
  for (const [others, main, why] of cases) {
    const dir = folder({ ...others, 'main.js': main });
    assert.throws(() => bundleModules(path.join(dir, 'main.js')), (e) => e instanceof BundleError && why.test(e.message), `${JSON.stringify(main)} -> ${why}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Awaiting inside functions, and names local to functions or blocks, are fine.
  const dir = folder({ 'x.js': 'export async function x() { await 0; for await (const n of []) log(n); }\n{ let n = 1; log(n); }\n', 'main.js': "import { x } from './x.js';\nfunction f() { const n = 2; return n; }\nlog(f());\n" });
  assert.deepEqual(runBundle(bundleModules(path.join(dir, 'main.js')).code), [1, 2]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the checker finds what would work in one scope but not as modules', () => {
  const dir = folder({
    'x.js': "export let n = 0;\nexport const bump = () => { n++; };\nconst origin = 'mine';\nexport const x = () => origin;\n",
    'main.js': "import { n, x } from './x.js';\nn = 5;\nconsole.log(bump());\nconsole.log(origin + x());\n",
  });
  const problems = moduleProblems(path.join(dir, 'main.js'));
  const text = problems.join('\n');
  assert.match(text, /main\.js:2: n assigned, but it is an import/);
  assert.match(text, /main\.js:3: bump used without being imported/);
  assert.match(text, /main\.js:4: origin is the browser's, but .*x\.js:3 declares one at top level/);
  assert.equal(problems.length, 3, text);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the page's modules: every one in web/js/ is bundled, compiles as one script, minifies, and the checker finds nothing", async () => {
  const entry = 'web/js/main.js';
  const { code, files } = bundleModules(entry);
  const all = fs.readdirSync('web/js').filter((f) => f.endsWith('.js')).map((f) => path.join('web/js', f)).sort();
  assert.deepEqual([...files].sort(), all, 'no module in web/js/ is left out of the bundle');
  assert.equal(files[files.length - 1], entry, 'main.js runs last');
  assert.doesNotThrow(() => new vm.Script(code, { filename: 'app.js' }), 'the bundle compiles as a classic script');
  const out = await minify(code, { ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  assert.ok(out.code.includes('__BUILD__'), "the build name's placeholder survives for make_dist.mjs");
  assert.ok(out.code.includes('"neurodrive"'), 'window.neurodrive is defined by name');
  assert.deepEqual(moduleProblems(entry), []);
});

test("the page's modules import in one direction: no cycle (docs/ARCHITECTURE.md, The page)", () => {
  const { imports } = bundleModules('web/js/main.js');
  const done = new Set();
  const visit = (file, trail) => {
    assert.ok(!trail.includes(file), `an import cycle: ${[...trail, file].map((f) => path.basename(f)).join(' -> ')}`);
    if (done.has(file)) return;
    for (const next of imports.get(file)) visit(next, [...trail, file]);
    done.add(file);
  };
  for (const file of imports.keys()) visit(file, []);
});
