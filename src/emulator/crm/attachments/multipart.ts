import type { FastifyRequest } from 'fastify';
import type { ZohoApiError } from '../zoho-error';
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
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        // The Python SDK sends an empty `file` part beside `attachmentUrl`: an empty part is no file.
        if (part.fieldname === 'file' && data.length > 0) {
          upload.file = {
            data,
            fileName: part.filename,
            contentType: contentTypeOf(part.filename, part.mimetype),
          };
        }
      } else if (typeof part.value === 'string') {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  return upload;
}
