import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { ID_PATTERN } from '../../ids';
import { crmRoute, CrmResult } from '../route';
import type { ScopeRequirement } from '../scopes';
import { BulkErrors } from './errors';
import { JobProgress, jobState, observeJob } from './progress';
import { zipTextFiles } from './zip';

/** How one kind of bulk job (read or write) is followed: where it lives, how it runs and reports. */
export interface JobKind<J extends JobProgress & { id: string }> {
  /** The job's URL, e.g. `/crm/bulk/v2/read`; its status is at `{url}/{id}`, its result at `{url}/{id}/result`. */
  url: string;
  scopes: ScopeRequirement[];
  /** HTTP status of the RESOURCE_NOT_FOUND answer when `GET {url}/{id}` names no job. */
  unknownJobStatus: number;
  jobs: () => Record<string, J>;
  run: (job: J) => void;
  /** The status body of `GET {url}/{id}`. */
  render: (job: J) => unknown;
  /** The files the result zip holds, by name. */
  resultFiles: (job: J) => Record<string, string>;
}

/**
 * `GET {url}/{id}` polls a job (running it when due, see `observeJob`) and `GET {url}/{id}/result` downloads
 * its zipped result once completed.
 */
export function registerJobRoutes<J extends JobProgress & { id: string }>(
  app: FastifyInstance,
  ctx: EmulatorContext,
  kind: JobKind<J>,
): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: `${kind.url}/:id`,
    scopes: () => kind.scopes,
    handler: ({ params }) => {
      const job = findJob(kind.jobs(), params.id, kind.unknownJobStatus);
      observeJob(job, ctx.now(), () => kind.run(job));
      return kind.render(job);
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: `${kind.url}/:id/result`,
    scopes: () => kind.scopes,
    handler: ({ params }) => {
      const job = findJob(kind.jobs(), params.id, 400);
      if (!job.completed) throw BulkErrors.notCompleted(job.id, jobState(job));
      return zipReply(`${job.id}.zip`, kind.resultFiles(job));
    },
  });
}

/** The job with `id`, or Zoho's RESOURCE_NOT_FOUND with `status` (malformed or unknown id). */
function findJob<T>(jobs: Record<string, T>, id: string, status: number): T {
  const job = ID_PATTERN.test(id) ? jobs[id] : undefined;
  if (!job) throw BulkErrors.resourceNotFound(status, id);
  return job;
}

/** A download answer: the files zipped, sent as `application/zip` with an attachment file name. */
function zipReply(fileName: string, files: Record<string, string>): CrmResult {
  return {
    status: 200,
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${fileName}"`,
    },
    body: zipTextFiles(files),
  };
}
