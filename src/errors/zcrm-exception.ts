import { redact, redactValue } from './redact';

/** What every {@link ZCRMException} carries; subclasses add their own fields. */
export interface ZCRMExceptionInit {
  /** HTTP status of the response, or 0 when the problem was found before or without a response (as in the seed). */
  statusCode?: number;
  /** Zoho's error code (`INVALID_TOKEN`, `invalid_code` …) or an SDK code (`TIMEOUT`, `CONFIG_UNKNOWN_KEY` …). */
  errorCode: string;
  errorMessage: string;
  errorDetails?: unknown;
  /** The response body (parsed JSON when it was JSON), redacted. */
  errorContent?: unknown;
  /** Request URL, redacted; undefined for problems not tied to a request. */
  url?: string;
  cause?: unknown;
}

/**
 * Root of every error the SDK throws, with the seed's fields, so `catch (e) { if (e instanceof ZCRMException) … }`
 * is always enough. Every text field is redacted on construction: no token, grant code or secret can reach
 * `message`, `errorMessage`, `errorDetails`, `errorContent` or `url`.
 */
export class ZCRMException extends Error {
  readonly statusCode: number;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly errorDetails: unknown;
  readonly errorContent: unknown;
  readonly url: string | undefined;
  /**
   * Set by the transport when this error answered a retry and an earlier attempt may have been processed
   * before its answer was lost (see `HttpResponse.replayedAfterLostAnswer`).
   */
  replayedAfterLostAnswer = false;

  constructor(init: ZCRMExceptionInit) {
    const statusCode = init.statusCode ?? 0;
    const errorMessage = redact(init.errorMessage);
    const url = init.url === undefined ? undefined : redact(init.url);
    const cause = sanitizeCause(init.cause);
    super(
      describe(init.errorCode, errorMessage, statusCode, url),
      cause === undefined ? undefined : { cause },
    );
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.errorCode = init.errorCode;
    this.errorMessage = errorMessage;
    this.errorDetails = redactValue(init.errorDetails ?? {});
    this.errorContent = redactValue(init.errorContent);
    this.url = url;
  }

  /** No user to act as: neither `runAs` nor `currentUserEmail` named one (the seed's message). */
  static noCurrentUser(): ZCRMException {
    return new ZCRMException({
      statusCode: 0,
      errorCode: 'NO_CURRENT_USER',
      errorMessage:
        'Current user should either be set with ZCRMRestClient.runAs(email, fn) or as currentUserEmail in the configuration',
    });
  }

  /** `ZCRMRestClient.initialize()` has not run yet. */
  static notInitialized(): ZCRMException {
    return new ZCRMException({
      errorCode: 'NOT_INITIALIZED',
      errorMessage: 'ZCRMRestClient.initialize(config) must be called before this',
    });
  }

  /** A failure the SDK did not anticipate, wrapped so callers still see one error type. */
  static unexpected(context: string, cause: unknown, url?: string): ZCRMException {
    const text = cause instanceof Error ? cause.message : String(cause);
    return new ZCRMException({
      errorCode: 'UNEXPECTED_ERROR',
      errorMessage: `${context}: ${text}`,
      url,
      cause,
    });
  }
}

/**
 * Keeps a cause's name, code and redacted message only: HTTP client and database errors carry request
 * headers, bodies and query parameters (tokens, secrets) that `console.log(error)` would print.
 */
function sanitizeCause(cause: unknown): Error | undefined {
  if (cause === undefined || cause instanceof ZCRMException) return cause;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever was thrown, as text
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const safe = new Error(redact(source.message));
  safe.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') (safe as Error & { code?: string }).code = code;
  safe.stack = `${safe.name}: ${safe.message}`;
  return safe;
}

function describe(code: string, message: string, status: number, url: string | undefined): string {
  const where = status > 0 ? ` (HTTP ${status}${url ? ` from ${url}` : ''})` : url ? ` (${url})` : '';
  return `${code}: ${message}${where}`;
}
