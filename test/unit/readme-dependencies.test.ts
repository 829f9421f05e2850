/**
 * README's "Dependencies and what each is for" table names every package of package.json, in the section
 * package.json puts it in (dependency, optional peer, dev), so a new dependency cannot land unexplained.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
  'dependencies' | 'peerDependencies' | 'devDependencies',
  Record<string, string>
>;

/** The table's rows: each package named in the first column, with the second column (its kind). */
function documentedKinds(): Map<string, string> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  // The header row, however prettier pads its columns.
  const start = /^\| *package *\| *kind *\| *used for *\|/m.exec(readme)?.index;
  if (start === undefined) throw new Error('README has no "| package | kind | used for |" table');
  const table = readme.slice(start);
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const kinds = new Map<string, string>();
  for (const row of rows) {
    const [, names, kind] = row.split('|').map((cell) => cell.trim());
    for (const name of names.replace(/\([^)]*\)/g, '').split(',')) kinds.set(name.trim(), kind);
  }
  return kinds;
}

describe('README dependency table', () => {
  const kinds = documentedKinds();

  it('explains every dependency as a dependency', () => {
    for (const name of Object.keys(pkg.dependencies))
      expect([name, kinds.get(name)]).toEqual([name, 'dependency']);
  });

  it('explains every peer dependency as an optional peer', () => {
    for (const name of Object.keys(pkg.peerDependencies)) {
      expect([name, kinds.get(name)]).toEqual([name, expect.stringMatching(/^optional peer/)]);
    }
  });

  it('explains every dev dependency (peers are dev dependencies too, for the tests)', () => {
    const peers = new Set(Object.keys(pkg.peerDependencies));
    for (const name of Object.keys(pkg.devDependencies).filter((n) => !peers.has(n))) {
      expect([name, kinds.get(name)]).toEqual([name, 'dev']);
    }
  });

  it('names no package that package.json does not have', () => {
    const declared = new Set([
      ...Object.keys(pkg.dependencies),
      ...Object.keys(pkg.peerDependencies),
      ...Object.keys(pkg.devDependencies),
    ]);
    expect([...kinds.keys()].filter((name) => !declared.has(name))).toEqual([]);
  });
});
