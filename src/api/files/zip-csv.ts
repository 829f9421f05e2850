import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { Zip, ZipDeflate } from 'fflate';
import { safeFileName } from './content-disposition';
import type { UploadSource } from './upload-source';

/**
 * Zips one CSV (a path, Buffer or stream) into a temporary file, streaming: Bulk Write takes only a zip holding
 * one CSV. Runs `use` with the zip's path and removes the temporary directory afterwards.
 */
export async function withZippedCsv<T>(
  csv: UploadSource,
  entryName: string,
  use: (zipPath: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zcrm-zip-'));
  try {
    const zipPath = path.join(dir, `${path.parse(entryName).name || 'data'}.zip`);
    await zipOneFile(toStream(csv), safeFileName(entryName) ?? 'data.csv', zipPath);
    return await use(zipPath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function zipOneFile(input: Readable, entryName: string, zipPath: string): Promise<void> {
  const out = createWriteStream(zipPath);
  let failure: Error | undefined;
  const done = new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', resolve);
  });
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.write(chunk);
    if (final || err) out.end();
  });
  const entry = new ZipDeflate(entryName, { level: 6 });
  zip.add(entry);
  try {
    for await (const chunk of input) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      entry.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), false);
      // Let the file catch up rather than queue the whole archive in memory.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    entry.push(new Uint8Array(0), true);
    zip.end();
  } catch (err) {
    zip.terminate();
    out.destroy();
    throw err;
  }
  await done;
  if (failure) throw failure;
}

function toStream(source: UploadSource): Readable {
  if (typeof source === 'string') return createReadStream(source);
  if (source instanceof Readable) return source;
  return Readable.from([Buffer.from(source)]);
}
