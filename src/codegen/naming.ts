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
