import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { csv, pageOf, paging } from '../body';
import { moduleScope } from '../module-scopes';
import { batchReply } from '../batch-reply';
import { auditDetails } from '../records/write';
import { requireIdsParam } from '../ids-param';
import { requireParent } from '../related/parent';
import { crmRoute, NO_CONTENT } from '../route';
import { ApiErrors, itemSuccess } from '../zoho-error';
import {
  addFileAttachment,
  addLinkAttachment,
  attachmentBytes,
  attachmentsOf,
  deleteAttachment,
  renderAttachment,
  requireAttachment,
} from './attachment-store';
import { ATTACHMENT_DOWNLOAD_TYPE, fileResponse } from './download';
import { readUpload } from './multipart';

/** [I] Zoho's attachment size ceiling (docs/zoho-v2-notes.md §5.15). */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** `/{module}/{id}/Attachments[/{attachment_id}]` for every module with an attachments list, notes included (docs/zoho-v2-notes.md §5.15). */
export function registerAttachmentRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const base = '/:module/:id/Attachments';
  const parentOf = (params: Record<string, string>) =>
    requireParent(ctx, params.module, params.id, 'attachments');

  crmRoute(app, ctx, {
    method: 'GET',
    url: base,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    handler: ({ params, query }) => {
      const parent = parentOf(params);
      const { page, perPage } = paging(query);
      const result = pageOf(attachmentsOf(ctx, parent), page, perPage);
      if (!result) return NO_CONTENT;
      const fields = csv(query.fields);
      return { data: result.data.map((a) => renderAttachment(ctx, a, fields)), info: result.info };
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: base,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'CREATE'),
    handler: async ({ params, query, request, user }) => {
      const parent = parentOf(params);
      const upload = await readUpload(request, MAX_ATTACHMENT_BYTES, ApiErrors.payloadTooLarge);
      // A link comes as `?attachmentUrl=` or, from the Python SDK, as a multipart field beside an empty file part.
      const url = query.attachmentUrl ?? upload.fields.attachmentUrl;
      let record;
      if (url !== undefined) record = addLinkAttachment(ctx, parent, url, user);
      else if (upload.file) record = addFileAttachment(ctx, parent, upload.file, user);
      // [I] Zoho's answer to an upload without a file is not documented.
      else throw ApiErrors.requiredParamMissing('file');
      return { data: [itemSuccess('attachment uploaded successfully', auditDetails(ctx, record))] };
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: base,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'DELETE'),
    handler: ({ params, query }) => {
      const parent = parentOf(params);
      const results = requireIdsParam(query).map((id) => deleteAttachment(ctx, parent, id));
      return batchReply(ctx, results, 200);
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: `${base}/:attachmentId`,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    handler: ({ params }) => {
      const attachment = requireAttachment(ctx, parentOf(params), params.attachmentId);
      return fileResponse(
        attachmentBytes(ctx, attachment),
        String(attachment.File_Name),
        ATTACHMENT_DOWNLOAD_TYPE,
      );
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: `${base}/:attachmentId`,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'DELETE'),
    handler: ({ params }) => {
      const result = deleteAttachment(ctx, parentOf(params), params.attachmentId);
      return batchReply(ctx, [result], 200);
    },
  });
}
