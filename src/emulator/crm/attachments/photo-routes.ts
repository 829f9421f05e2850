import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { moduleScope } from '../module-scopes';
import { ParentRef, requireParent } from '../related/parent';
import { crmRoute, NO_CONTENT } from '../route';
import { ApiErrors, ZohoApiError } from '../zoho-error';
import { extensionFor } from './content-type';
import { fileResponse } from './download';
import { readUpload } from './multipart';

/** Zoho's photo ceiling: 10 MB (docs/zoho-v2-notes.md §5.14). */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

const tooLarge = () =>
  // [I] The 415 status and code are documented (v7); the message is not.
  new ZohoApiError(415, 'FILE_SIZE_MORE_THAN_ALLOWED_SIZE', 'The file size is more than the allowed size');

const topLevelSuccess = (message: string) => ({ code: 'SUCCESS', details: {}, message, status: 'success' });

/** `GET|POST|DELETE /{module}/{id}/photo` for modules whose records carry a photo (docs/zoho-v2-notes.md §5.14). */
export function registerPhotoRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const url = '/:module/:id/photo';

  crmRoute(app, ctx, {
    method: 'GET',
    url,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    handler: ({ params }) => {
      const parent = photoParent(ctx, params);
      const photo = ctx.state.photos[photoKey(parent)];
      // [I] A record without a photo answers 204, like an empty list.
      if (!photo?.data) return NO_CONTENT;
      const contentType = photo.contentType ?? 'application/octet-stream';
      // [I] The download is named after the record id.
      return fileResponse(
        Buffer.from(photo.data, 'base64'),
        `${parent.record.id}.${extensionFor(contentType)}`,
        contentType,
      );
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'CREATE'),
    handler: async ({ params, request }) => {
      const parent = photoParent(ctx, params);
      const { file } = await readUpload(request, MAX_PHOTO_BYTES, tooLarge);
      // [I] Zoho's answers to a missing file or a non-image (PNG, JPEG, GIF, BMP only) are not documented.
      if (!file) throw ApiErrors.requiredParamMissing('file');
      if (!file.contentType.startsWith('image/')) throw ApiErrors.invalidData({ param: 'file' });
      ctx.state.photos[photoKey(parent)] = {
        data: file.data.toString('base64'),
        contentType: file.contentType,
      };
      parent.record.$photo_id = ctx.newId();
      return topLevelSuccess('photo uploaded successfully');
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'DELETE'),
    handler: ({ params }) => {
      const parent = photoParent(ctx, params);
      // [I] Deleting a photo that is not there succeeds, as the end state is the one asked for.
      const key = photoKey(parent);
      if (ctx.state.photos[key]) {
        delete ctx.state.photos[key];
        parent.record.$photo_id = null;
      }
      return topLevelSuccess('Photo deleted');
    },
  });
}

function photoParent(ctx: EmulatorContext, params: Record<string, string>): ParentRef {
  // [I] Modules without photos (Deals, Tasks …) answer as modules the API does not support for this call.
  if (!ctx.module(params.module).photo) throw ApiErrors.unsupportedModule();
  return requireParent(ctx, params.module, params.id);
}

function photoKey(parent: ParentRef): string {
  return `${parent.module.api_name}:${parent.record.id}`;
}
