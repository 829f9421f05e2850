import type { Step } from '../http-types';

/** `User-Agent: zcrm/<version>` and JSON content negotiation, unless the caller set them. */
export function defaultHeadersStep(userAgent: string): Step {
  return {
    name: 'default-headers',
    handle(request, next) {
      const headers: Record<string, string> = {
        'User-Agent': userAgent,
        Accept: 'application/json',
        ...request.headers,
      };
      if (isJsonBody(request.body) && !hasHeader(headers, 'content-type'))
        headers['Content-Type'] = 'application/json';
      return next({ ...request, headers });
    },
  };
}

function isJsonBody(body: unknown): boolean {
  return (
    body !== undefined &&
    typeof body === 'object' &&
    body !== null &&
    !Buffer.isBuffer(body) &&
    !(body instanceof FormData)
  );
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
