import { ZCRMException, ZCRMExceptionInit } from './zcrm-exception';

/** How a request failed without a usable response. */
export type ConnectionFailure = 'timeout' | 'reset' | 'refused' | 'aborted' | 'network';

/** No response arrived: the connection failed, was dropped, timed out or the caller aborted. */
export class ConnectionException extends ZCRMException {
  readonly failure: ConnectionFailure;

  constructor(init: ZCRMExceptionInit & { failure: ConnectionFailure }) {
    super(init);
    this.failure = init.failure;
  }

  /** True when the server may have received and processed the request (everything but a refused connection). */
  get maybeProcessed(): boolean {
    return this.failure !== 'refused';
  }

  /** The connection was dropped, refused or otherwise failed; `code` is Node's (`ECONNRESET` …). */
  static network(url: string, code: string | undefined, cause: unknown): ConnectionException {
    const failure: ConnectionFailure =
      code === 'ECONNREFUSED'
        ? 'refused'
        : code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_SOCKET_CLOSED'
          ? 'reset'
          : 'network';
    return new ConnectionException({
      errorCode: code ?? 'NETWORK_ERROR',
      errorMessage:
        failure === 'refused'
          ? 'The connection was refused: is the server reachable?'
          : `The connection failed before a response arrived (${code ?? 'network error'})`,
      url,
      cause,
      failure,
    });
  }

  /**
   * Classifies a failed request by its error `code` (Node's, or an HTTP client's: `ECONNABORTED`/`ETIMEDOUT`
   * for timeouts, `ERR_CANCELED` for an abort).
   */
  static fromRequestError(url: string, error: unknown, timeoutMs: number): ConnectionException {
    const code =
      typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return TimeoutException.after(url, timeoutMs);
    if (code === 'ERR_CANCELED') return ConnectionException.aborted(url);
    return ConnectionException.network(url, code, error);
  }

  /** The caller's `AbortSignal` fired. */
  static aborted(url: string): ConnectionException {
    return new ConnectionException({
      errorCode: 'ABORTED',
      errorMessage: 'The request was aborted by the caller',
      url,
      failure: 'aborted',
    });
  }
}

/** No response within the timeout. */
export class TimeoutException extends ConnectionException {
  static after(url: string, timeoutMs: number): TimeoutException {
    return new TimeoutException({
      errorCode: 'TIMEOUT',
      errorMessage: `No response within ${timeoutMs} ms`,
      url,
      failure: 'timeout',
    });
  }
}
