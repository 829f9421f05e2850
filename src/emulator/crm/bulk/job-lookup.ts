import { ID_PATTERN } from '../../ids';
import type { CrmResult } from '../route';
import { ApiErrors } from '../zoho-error';
import { zipTextFiles } from './zip';

/** The job with `id`, or Zoho's INVALID_DATA "the id given seems to be invalid" (malformed or unknown id). */
export function findJob<T>(jobs: Record<string, T>, id: string): T {
  const job = ID_PATTERN.test(id) ? jobs[id] : undefined;
  if (!job) throw ApiErrors.invalidId(id);
  return job;
}

/** A download answer: the files zipped, sent as `application/zip` with an attachment file name. */
export function zipReply(fileName: string, files: Record<string, string>): CrmResult {
  return {
    status: 200,
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${fileName}"`,
    },
    body: zipTextFiles(files),
  };
}
