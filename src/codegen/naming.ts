/** TypeScript names for Zoho API names: classes, files and properties. */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with implements interface let package private protected public static yield await any boolean ' +
    'number string symbol never unknown object undefined constructor prototype'
  ).split(' '),
);

/** Words split from an API name or label: `No_of_Employees` → `No`, `of`, `Employees`; `$line_tax` → `line`, `tax`. */
function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
}

/** `ID` → `Id`, `of` → `Of`, `Employees` → `Employees`. */
function capitalise(word: string): string {
  const normal = word.length > 1 && word === word.toUpperCase() ? word.toLowerCase() : word;
  return normal.charAt(0).toUpperCase() + normal.slice(1);
}

/** A legal identifier: a leading digit gets an underscore. */
function identifier(name: string, fallback: string): string {
  const text = name.length === 0 ? fallback : name;
  return /^[0-9]/.test(text) ? `_${text}` : text;
}

/** `Sales Order` → `SalesOrder`, `Projects__c` → `ProjectsC`. */
export function pascalCase(name: string): string {
  return identifier(words(name).map(capitalise).join(''), 'Model');
}

/** `Last_Name` → `lastName`, `SIC_Code` → `sicCode`, `Skype_ID` → `skypeId`, `$line_tax` → `lineTax`. */
export function camelCase(name: string): string {
  const parts = words(name);
  if (parts.length === 0) return '_';
  const [first, ...rest] = parts;
  const head =
    first === first.toUpperCase() ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  const text = identifier(head + rest.map(capitalise).join(''), '_');
  return RESERVED.has(text) ? `${text}Field` : text;
}

/** `SalesOrder` → `sales-order`. */
export function kebabCase(className: string): string {
  return className
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .replace(/^_/, '')
    .toLowerCase();
}

/**
 * Hands out names unique within one scope: the first taker of a name gets it, later ones a numeric suffix
 * (`name`, `name2`, `name3`), as ts-force does. Names taken up front (`reserve`) are never handed out.
 */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  take(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** Levenshtein distance, case-insensitive (`Leds` → `Leads`: 1). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * The name of `candidates` closest to a misspelled `name`, when one is close enough to be what was meant
 * (at most a third of its letters off, and at least 1 allowed), else undefined.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
