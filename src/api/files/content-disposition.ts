/**
 * The file name of a download, read from its `Content-Disposition` header. Both forms are understood: the
 * RFC 6266 `filename="x"` (quoted, with backslash escapes, or a bare token) and the RFC 5987
 * `filename*=UTF-8''x` (percent-encoded, preferred when both are present, as RFC 6266 asks). The result is
 * stripped of any directory part (`../../etc/passwd` → `passwd`, `C:\\x\\y.txt` → `y.txt`) and of control
 * characters, so it is always safe to join onto a directory. Returns `undefined` when the header names no
 * usable file.
 */
export function fileNameFromContentDisposition(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  // A leading `;` lets a header without a disposition type (`filename=x`) parse too.
  const params = parseParameters(`;${header}`);
  const extended = params.get('filename*');
  const fromExtended = extended === undefined ? undefined : decodeExtendedValue(extended);
  const name = fromExtended ?? params.get('filename');
  return name === undefined ? undefined : safeFileName(name);
}

/**
 * A name that is only a file name: the part after the last `/` or `\`, without control characters and
 * surrounding blanks; `undefined` when nothing usable is left (empty, `.` or `..`).
 */
export function safeFileName(name: string): string | undefined {
  const base = name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split(/[/\\]/)
    .pop()!
    .trim();
  if (base === '' || base === '.' || base === '..') return undefined;
  return base;
}

/** `attachment; filename="a;b.txt"; filename*=UTF-8''…` → lower-cased parameter names and raw (unquoted) values. */
function parseParameters(header: string): Map<string, string> {
  const params = new Map<string, string>();
  // Parameters follow the disposition type; values are tokens or quoted strings (which may hold `;`).
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of header.matchAll(pattern)) {
    const key = match[1].toLowerCase();
    let value = match[2].trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!params.has(key)) params.set(key, value);
  }
  return params;
}

/** RFC 5987 `charset'language'percent-encoded`; UTF-8 and ISO-8859-1 are the charsets the RFC requires. */
function decodeExtendedValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  const charset = match[1].toLowerCase();
  const encoded = match[2];
  try {
    if (charset === 'utf-8' || charset === '') return decodeURIComponent(encoded);
    if (charset === 'iso-8859-1' || charset === 'latin1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  } catch {
    return undefined;
  }
  return undefined;
}
