import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers rule "no cycles", checked on the sources: every relative import or re-export that
 * survives compilation (not `import type` / `export type`, not a list of only `type` specifiers) is an edge;
 * a strongly connected component with more than one file, or a file importing itself, is a cycle.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCANNED = ['src', 'decorators'];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative specifiers of the imports and re-exports of `file` that are kept at run time. */
export function runtimeImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const onlyTypeSpecifiers =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly);
      if (onlyTypeSpecifiers) continue;
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (
        clause &&
        ts.isNamedExports(clause) &&
        clause.elements.length > 0 &&
        clause.elements.every((element) => element.isTypeOnly)
      )
        continue;
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      !statement.isTypeOnly &&
      ts.isExternalModuleReference(statement.moduleReference)
    ) {
      specifiers.push((statement.moduleReference.expression as ts.StringLiteral).text);
    }
  }
  return specifiers.filter((specifier) => specifier.startsWith('.'));
}

function resolve(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

/**
 * Tarjan's strongly connected components; each cyclic one is reported as one concrete cycle path (breaking it
 * may leave smaller cycles among the component's other files, which the next run reports).
 */
export function findCycles(graph: Map<string, string[]>): string[][] {
  return cyclicComponents(graph).map((component) => cycleThrough(component[0], new Set(component), graph));
}

/** The strongly connected components that hold a cycle, each sorted, its first file the cycle's start. */
export function cyclicComponents(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set<string>();
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.add(member);
    } while (member !== node);
    if (component.size > 1 || (graph.get(node) ?? []).includes(node)) components.push([...component].sort());
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return components.sort((a, b) => a[0].localeCompare(b[0]));
}

/** A shortest path `start → … → start` inside one component (breadth-first). */
function cycleThrough(start: string, component: Set<string>, graph: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
    const edges = runtimeImports(file, fs.readFileSync(file, 'utf8'))
      .map((specifier) => resolve(file, specifier))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(edges)]);
  }
  return graph;
}

describe('import cycles', () => {
  it('recognises type-only imports and re-exports', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "export type { D } from './d';",
      "import { E, type F } from './e';",
      "import * as G from './g';",
      "import './side-effect';",
      "export { H } from './h';",
      "export * from './i';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(runtimeImports('x.ts', text)).toEqual(['./e', './g', './side-effect', './h', './i']);
  });

  it('finds and names a cycle', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(findCycles(graph)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
  });

  it('src/ and decorators/ have no runtime import cycles', () => {
    const graph = importGraph();
    const cycles = cyclicComponents(graph).map((component) => {
      const cycle = cycleThrough(component[0], new Set(component), graph);
      const names = cycle.map((file) => path.relative(ROOT, file)).join(' → ');
      return component.length > cycle.length - 1
        ? `${names} (one of the cycles among ${component.length} files)`
        : names;
    });
    expect(cycles).toEqual([]);
  });
});
