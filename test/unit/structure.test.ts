/**
 * The code's shape, checked like behaviour: small functions, no import cycles, an engine without
 * VS Code whose file I/O stays in core/io, and clients that reach the engine only through
 * src/core/index.ts.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../../..');
const src = path.join(root, 'src');
const MAX_FUNCTION_LINES = 80;

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith('.ts'));
}

const rel = (f: string) => path.relative(root, f);

/** Relative imports of a file, resolved to files under src. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms),
    ...text.matchAll(/\bimport\('(\.[^']+)'\)/g),
  ];
  for (const m of found) {
    const base = path.resolve(path.dirname(file), m[1]);
    const hit = [`${base}.ts`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
    if (hit) out.push(hit);
  }
  return out;
}

describe('Code structure', () => {
  const all = files(src);

  it(`has no function longer than ${MAX_FUNCTION_LINES} lines in src/`, () => {
    const long: string[] = [];
    for (const file of all) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node) => {
        if (ts.isFunctionLike(n) && 'body' in n && n.body) {
          const a = sf.getLineAndCharacterOfPosition(n.getStart()).line;
          const b = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
          if (b - a + 1 > MAX_FUNCTION_LINES) long.push(`${rel(file)}:${a + 1} (${b - a + 1} lines)`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    assert.deepStrictEqual(long, []);
  });

  it('has no import cycles', () => {
    const graph = new Map(all.map((f) => [f, importsOf(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    assert.deepStrictEqual(cycles, []);
  });

  it('keeps the engine free of VS Code, and its file I/O in src/core/io', () => {
    const bad: string[] = [];
    for (const f of files(path.join(src, 'core'))) {
      const text = fs.readFileSync(f, 'utf8');
      if (/from 'vscode'/.test(text)) bad.push(`${rel(f)} imports vscode`);
      const io = /from 'node:(fs|child_process|worker_threads|net|http|https)'/.test(text);
      if (io && !rel(f).startsWith(path.join('src', 'core', 'io')))
        bad.push(`${rel(f)} does I/O outside core/io`);
    }
    assert.deepStrictEqual(bad, []);
  });

  it('lets the CLI and the extension reach the engine only through src/core/index.ts', () => {
    const bad: string[] = [];
    for (const dir of ['cli', 'extension'])
      for (const f of files(path.join(src, dir)))
        for (const m of fs.readFileSync(f, 'utf8').matchAll(/from '(\.\.\/core\/[^']+)'/g))
          bad.push(`${rel(f)}: ${m[1]}`);
    assert.deepStrictEqual(bad, []);
  });
});
