#!/usr/bin/env node
// bundle_js.mjs - joins the page's ES modules (web/js/, entry main.js) into one classic script, which
// make_dist.mjs minifies into dist/app.js: every module's body in the order the browser would evaluate
// them (imports first, depth first, in the order they are written; a module already on the way is not
// entered again, as in a cycle), inside one strict function scope, so that terser shortens names across
// modules as it did in the one-file app.js. Nothing is added per module: no wrappers, no registry.
//
// That is sound only because one scope behaves as the modules would; so a module may use only what this
// checks (and says, with the file, line and what to write instead):
//   import { a, b } from './x.js';   import './x.js';          (relative paths; no aliases, default or * imports)
//   export function | async function | class | const | let      (no export lists, default or re-exports)
// Every imported name must be exported by that module; no two modules may declare the same top-level
// name (one scope would merge them); no import(), import.meta or top-level await. What one scope would
// hide - a name used without its import (it would find another module's), an assignment to an imported
// name, a browser global that another module's top-level name would cover - moduleProblems() finds with
// TypeScript's checker (a few seconds, so the test runs it, not make_dist: tests/scripts/
// bundle_js.test.mjs). TypeScript (npm, pinned; a devDependency already) parses the modules.
//   node scripts/bundle_js.mjs web/js/main.js [OUT]     (prints the bundle, or writes it to OUT)
//   node scripts/bundle_js.mjs --check web/js/main.js   (moduleProblems: one line each, exit 1 if any)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export class BundleError extends Error {}

// Top-level names a binding declares ({a, b: [c]} = ... declares a and c).
function boundNames(name, out = []) {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const e of name.elements) if (!ts.isOmittedExpression(e)) boundNames(e.name, out);
  return out;
}

// One module: its imports ({file, names, at}), exports, top-level names and the text ranges to cut
// (import statements, `export` keywords).
function readModule(file) {
  let text;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) { throw new BundleError(`${file}: cannot be read (${e.code || e.message})`); }
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const where = (node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const bad = (node, why) => { throw new BundleError(`${where(node)}: ${why}`); };
  if (sf.parseDiagnostics && sf.parseDiagnostics.length) {
    const d = sf.parseDiagnostics[0];
    throw new BundleError(`${file}:${sf.getLineAndCharacterOfPosition(d.start).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  const imports = [], exports = new Set(), declared = new Map(), cuts = [];
  const declare = (name, node) => { if (declared.has(name)) bad(node, `${name} is declared twice`); declared.set(name, where(node)); };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const spec = st.moduleSpecifier.text;
      if (!/^\.\.?\//.test(spec)) bad(st, `import from "${spec}": only relative paths ('./x.js') are bundled`);
      const names = [];
      const clause = st.importClause;
      if (clause) {
        if (clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) bad(st, 'only named imports ({ a, b }) are bundled: no default or * imports');
        for (const el of clause.namedBindings.elements) {
          if (el.propertyName) bad(el, `import { ${el.propertyName.text} as ${el.name.text} }: aliases are not bundled; import the name itself`);
          names.push(el.name.text);
          declare(el.name.text, el);
        }
      }
      imports.push({ file: path.join(path.dirname(file), spec), names, at: where(st) });
      cuts.push([st.getStart(sf), st.end]);
      continue;
    }
    if (ts.isExportDeclaration(st) || ts.isExportAssignment(st)) bad(st, 'export lists, re-exports and export default are not bundled: write export before the declaration');
    const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) || [] : [];
    const exported = mods.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) bad(st, 'export default is not bundled');
    let names = [];
    if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) names = st.name ? [st.name.text] : [];
    else if (ts.isVariableStatement(st)) {
      if (exported && !(st.declarationList.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let))) bad(st, 'export var is not bundled: use const or let');
      for (const d of st.declarationList.declarations) names.push(...boundNames(d.name));
    }
    for (const n of names) declare(n, st);
    if (exported) {
      for (const n of names) exports.add(n);
      // `export ` and the spaces after it
      let end = exported.end;
      while (/\s/.test(text[end])) end++;
      cuts.push([exported.getStart(sf), end]);
    }
  }
  // What one script cannot be: dynamic import, import.meta, await outside a function.
  (function walk(node, inFunction) {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) bad(node, 'import() is not bundled');
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) bad(node, 'import.meta is not bundled');
    if (!inFunction && (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier))) bad(node, 'top-level await is not bundled');
    ts.forEachChild(node, (child) => walk(child, inFunction || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)));
  })(sf, false);
  let body = '';
  let from = 0;
  for (const [a, b] of cuts.sort((x, y) => x[0] - y[0])) { body += text.slice(from, a); from = b; }
  body += text.slice(from);
  return { file, imports, exports, declared, body };
}

// The bundle of `entry` and every module it imports: { code, files (in evaluation order), names (each
// top-level name -> where it is declared), imports (each file -> the files it imports) }.
export function bundleModules(entry) {
  const modules = new Map();       // file -> module, in evaluation order once done
  const order = [];
  const visit = (file, via) => {
    const key = path.normalize(file);
    if (modules.has(key)) return modules.get(key);
    if (!fs.existsSync(key)) throw new BundleError(`${via}: imports ${key}, which does not exist`);
    const m = readModule(key);
    modules.set(key, m);           // set before its imports: a cycle back to it stops here
    for (const i of m.imports) {
      const target = visit(i.file, i.at);
      for (const n of i.names) if (!target.exports.has(n)) throw new BundleError(`${i.at}: ${target.file} exports no ${n}`);
    }
    order.push(m);
    return m;
  };
  visit(entry, 'the entry');
  // One scope: a top-level name declared by two modules would be one variable.
  const owner = new Map();
  for (const m of order) {
    for (const [name, at] of m.declared) {
      if (m.imports.some((i) => i.names.includes(name))) continue;
      if (owner.has(name)) throw new BundleError(`${at}: ${name} is also declared at ${owner.get(name)}; in one scope they would be one variable: rename one`);
      owner.set(name, at);
    }
  }
  const parts = order.map((m) => `// ---- ${m.file.split(path.sep).join('/')}\n${m.body.trim()}\n`);
  return { code: `(function () {\n'use strict';\n${parts.join('')}})();\n`, files: order.map((m) => m.file), names: owner,
    imports: new Map(order.map((m) => [m.file, m.imports.map((i) => path.normalize(i.file))])) };
}

// What would work in one scope but not as modules, found by TypeScript's checker over the modules as
// they are (browser globals from its DOM library): [] or one text each, with file and line.
const PROBLEMS = {
  2304: 'used without being imported or declared',   // Cannot find name
  2552: 'used without being imported or declared',   // Cannot find name ... Did you mean
  2632: 'assigned, but it is an import (export a function of its module that changes it)',
  2305: 'imported, but its module does not export it',
  2614: 'imported, but its module does not export it',
  2448: 'used before its declaration',
  2450: 'used before its declaration',
  2454: 'used before being assigned',
};
export function moduleProblems(entry) {
  const { files, names } = bundleModules(entry);
  const program = ts.createProgram(files, {
    allowJs: true, checkJs: true, noEmit: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [], noResolve: false,
  });
  const at = (sf, pos) => `${sf.fileName}:${sf.getLineAndCharacterOfPosition(pos).line + 1}`;
  const problems = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (!(d.code in PROBLEMS) || !d.file) continue;
    const name = d.file.text.slice(d.start, d.start + d.length);
    problems.push(`${at(d.file, d.start)}: ${name} ${PROBLEMS[d.code]}`);
  }
  // A browser global (say \`origin\`) that another module declares at top level: in one scope the
  // module would read that declaration instead.
  const checker = program.getTypeChecker();
  for (const file of files) {
    const sf = program.getSourceFile(file);
    (function walk(node) {
      if (ts.isIdentifier(node) && names.has(node.text)) {
        const symbol = checker.getSymbolAtLocation(node);
        const decl = symbol && symbol.declarations && symbol.declarations[0];
        const global = decl && (ts.isFunctionDeclaration(decl) ? decl.parent : ts.isVariableDeclaration(decl) ? decl.parent.parent.parent : null);
        if (global && ts.isSourceFile(global) && program.isSourceFileDefaultLibrary(global))
          problems.push(`${at(sf, node.getStart(sf))}: ${node.text} is the browser's, but ${names.get(node.text)} declares one at top level: in one scope this would be that one (rename it there)`);
      }
      ts.forEachChild(node, walk);
    })(sf);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv[2] === '--check';
  const [entry, out] = process.argv.slice(check ? 3 : 2);
  if (!entry) { console.error('usage: bundle_js.mjs [--check] ENTRY.js [OUT]'); process.exit(2); }
  try {
    if (check) {
      const problems = moduleProblems(entry);
      for (const p of problems) console.error(p);
      process.exit(problems.length ? 1 : 0);
    }
    const { code } = bundleModules(entry);
    if (out) fs.writeFileSync(out, code); else process.stdout.write(code);
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    console.error(`bundle_js: ${e.message}`);
    process.exit(1);
  }
}
