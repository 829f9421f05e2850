import type { FastifyRequest } from 'fastify';
import { ApiErrors, type ZohoApiError } from '../zoho-error';
import { contentTypeOf } from './content-type';

export interface UploadedFile {
  data: Buffer;
  fileName: string;
  contentType: string;
}

export interface Upload {
  /** The non-empty `file` part, if any. */
  file?: UploadedFile;
  /** Plain form fields (e.g. `attachmentUrl`). */
  fields: Record<string, string>;
}

/**
 * Reads a multipart body: the bytes of the `file` part and the plain fields. Every file part is drained
 * (the parser stalls otherwise); one over `maxBytes` raises `tooLarge()`. A non-multipart body reads as empty.
 */
export async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
  tooLarge: () => ZohoApiError,
): Promise<Upload> {
  const upload: Upload = { fields: {} };
  if (!request.isMultipart()) return upload;
  let unnamedFile = false;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        // The Python SDK sends an empty `file` part beside `attachmentUrl`: an empty part is no file.
        if (part.fieldname !== 'file' || data.length === 0) continue;
        // A typed part without `filename` (the official Node SDK's in-memory stream: form-data names only file
        // streams, utils/util/form_data_converter.js in @zohocrm/nodejs-sdk-2.0) is refused once the body is read.
        if (!part.filename) {
          unnamedFile = true;
          continue;
        }
        upload.file = {
          data,
          fileName: part.filename,
          contentType: contentTypeOf(part.filename, part.mimetype),
        };
      } else if (typeof part.value === 'string') {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  // [I] Zoho's answer to a nameless file part is not documented; a Zoho INVALID_DATA error, not a crash.
  if (unnamedFile) throw ApiErrors.invalidData({ param: 'file' }, 'the file name is missing');
  return upload;
}
