import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../../context';
import { crmRoute } from '../route';
import { ApiErrors, ZohoApiError } from '../zoho-error';
import { CsvSyntaxError, parseCsv } from './csv';
import { bulkState } from './store';
import { BadArchiveError, readSingleCsv } from './zip';

/**
 * `POST /crm/v2/upload` (docs/zoho-v2-notes.md §7.2): the zipped CSV a bulk write job reads. Zoho serves it from the
 * DC's content host; the emulator has a single origin, so it lives under the API version path.
 */
export function registerBulkUploadRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'POST',
    url: '/upload',
    scopes: () => [{ group: 'ZohoFiles.files', operation: 'CREATE' }],
    handler: async ({ request }) => {
      if (!hasBulkWriteHeaders(ctx, request)) {
        // [I] HTTP 400; the body is Zoho's (docs/zoho-v2-notes.md §7.2), which is not the usual error envelope.
        return {
          status: 400,
          body: {
            'x-error': 'check if headers [feature:X-CRM-ORG] are present and valid',
            info: 'Forbidden',
          },
        };
      }
      const archive = await readFilePart(request);
      // [I] A request without a `file` part answers REQUIRED_PARAM_MISSING naming it.
      if (!archive) throw ApiErrors.requiredParamMissing('file');
      const csv = readCsv(archive);
      const id = ctx.newId();
      const created_time = ctx.timestamp();
      bulkState(ctx).files[id] = { id, name: csv.name, text: csv.text, created_time };
      return {
        status: 'success',
        code: 'FILE_UPLOAD_SUCCESS',
        message: 'file uploaded.',
        details: { file_id: id, created_time },
      };
    },
  });
}

function hasBulkWriteHeaders(ctx: EmulatorContext, request: FastifyRequest): boolean {
  const feature = request.headers.feature;
  const org = request.headers['x-crm-org'];
  return (
    typeof feature === 'string' &&
    feature.trim().toLowerCase() === 'bulk-write' &&
    typeof org === 'string' &&
    org.trim() === ctx.state.org.zgid
  );
}

/** Bytes of the multipart part named `file` (other parts are drained), or `undefined` when there is none. */
async function readFilePart(request: FastifyRequest): Promise<Buffer | undefined> {
  if (!request.isMultipart()) return undefined;
  let found: Buffer | undefined;
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    const bytes = await part.toBuffer();
    if (part.fieldname === 'file' && found === undefined) found = bytes;
  }
  return found;
}

/** The zip's one CSV, which must have a header row; [I] anything else is INVALID_FILE_FORMAT. */
function readCsv(archive: Buffer): { name: string; text: string } {
  try {
    const csv = readSingleCsv(archive);
    if (parseCsv(csv.text).length === 0) throw new BadArchiveError('the CSV file is empty');
    return csv;
  } catch (err) {
    if (err instanceof BadArchiveError || err instanceof CsvSyntaxError) {
      throw new ZohoApiError(
        400,
        'INVALID_FILE_FORMAT',
        'the uploaded file is not a zip holding one CSV file',
        { reason: err.message },
      );
    }
    throw err;
  }
}
