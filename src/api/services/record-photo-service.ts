import * as ops from '../operations/photos-operations';
import { APIResponse } from '../responses/api-response';
import { FileAPIResponse } from '../responses/file-api-response';
import type { UploadOptions, UploadSource } from '../files/upload-source';
import { requireRecordId } from '../support/checks';
import { singleWrite } from '../support/single-write';
import type { DownloadOptions } from './record-attachments-service';
import type { ZCRMRecord } from '../entities/zcrm-record';

/** A record's photo (seed `ZCRMRecord.upload_photo` / `download_photo` / `delete_photo`): Leads, Contacts, Accounts, Products, Vendors. */

/**
 * Uploads the record's photo (`POST /{module}/{id}/photo`) from a path, a Buffer or a Readable. The content type
 * comes from `options.contentType`, else the file name's extension; Zoho takes PNG, JPEG, GIF and BMP up to 10 MB.
 */
export async function uploadPhoto(
  record: ZCRMRecord,
  source: UploadSource,
  options: UploadOptions = {},
): Promise<APIResponse<ZCRMRecord>> {
  const id = requireRecordId(record, 'uploadPhoto');
  const { response, item } = await singleWrite(() =>
    ops.uploadPhoto(record.client, record.moduleApiName, id, source, options),
  );
  return new APIResponse(response, record, item);
}

/**
 * Downloads the record's photo (`GET /{module}/{id}/photo`) as a stream (`writeTo(pathOrDirOrStream)`). A record
 * without a photo gives a `noData` response with no stream.
 */
export async function downloadPhoto(
  record: ZCRMRecord,
  options: DownloadOptions = {},
): Promise<FileAPIResponse> {
  const id = requireRecordId(record, 'downloadPhoto');
  const response = await ops.downloadPhoto(record.client, record.moduleApiName, id, options);
  return new FileAPIResponse(response, `${record.moduleApiName}-${id}-photo`);
}

/** Deletes the record's photo (`DELETE /{module}/{id}/photo`). */
export async function deletePhoto(record: ZCRMRecord): Promise<APIResponse<ZCRMRecord>> {
  const id = requireRecordId(record, 'deletePhoto');
  const { response, item } = await singleWrite(() =>
    ops.deletePhoto(record.client, record.moduleApiName, id),
  );
  return new APIResponse(response, record, item);
}
