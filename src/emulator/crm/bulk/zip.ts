import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** Zips text files (name → content, UTF-8) into one archive, as Zoho delivers bulk results. */
export function zipTextFiles(files: Record<string, string>): Buffer {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return Buffer.from(zipSync(entries));
}

/** Why an uploaded archive was refused. */
export class BadArchiveError extends Error {}

/** Reads the one CSV a bulk-write upload zip must hold (directories and macOS metadata are ignored). */
export function readSingleCsv(archive: Uint8Array): { name: string; text: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive);
  } catch {
    throw new BadArchiveError('the file is not a zip archive');
  }
  const files = Object.keys(entries).filter((name) => !name.endsWith('/') && !name.startsWith('__MACOSX/'));
  if (files.length !== 1)
    throw new BadArchiveError(`the zip must hold exactly one CSV file, found ${files.length} files`);
  const name = files[0];
  if (!name.toLowerCase().endsWith('.csv'))
    throw new BadArchiveError('the file inside the zip must be a .csv file');
  return { name: name.slice(name.lastIndexOf('/') + 1), text: strFromU8(entries[name]) };
}
