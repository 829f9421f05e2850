import {
  AuthenticationException,
  ConnectionException,
  exceptionFromResponse,
  NotFoundException,
  QueryCompileException,
  RateLimitException,
  redact,
  registerSecret,
  TimeoutException,
  ValidationException,
  ZCRMException,
} from '../../src/errors';

describe('exceptionFromResponse', () => {
  const url = 'https://www.zohoapis.com/crm/v2/Leads';

  it.each([
    ['INVALID_TOKEN', 401, AuthenticationException],
    ['AUTHENTICATION_FAILURE', 401, AuthenticationException],
    ['OAUTH_SCOPE_MISMATCH', 401, AuthenticationException],
    ['TOO_MANY_REQUESTS', 429, RateLimitException],
    ['MANDATORY_NOT_FOUND', 400, ValidationException],
    ['INVALID_DATA', 400, ValidationException],
    ['INVALID_URL_PATTERN', 404, NotFoundException],
    ['INVALID_MODULE', 400, NotFoundException],
    ['SYNTAX_ERROR', 400, QueryCompileException],
    ['INTERNAL_ERROR', 500, ZCRMException],
    ['SOMETHING_NEW', 400, ZCRMException],
  ])('maps %s (HTTP %i) to %p', (code, status, Class) => {
    const body = { code, details: { api_name: 'Last_Name' }, message: 'a message', status: 'error' };
    const error = exceptionFromResponse({ status, body, url });
    expect(error.constructor).toBe(Class);
    expect(error).toBeInstanceOf(ZCRMException);
    expect(error).toMatchObject({
      statusCode: status,
      errorCode: code,
      errorMessage: 'a message',
      errorDetails: { api_name: 'Last_Name' },
      errorContent: body,
      url,
    });
    expect(error.message).toBe(`${code}: a message (HTTP ${status} from ${url})`);
  });

  it('falls back on the status for unknown codes and on the body text for non-JSON bodies', () => {
    expect(exceptionFromResponse({ status: 401, body: {}, url })).toBeInstanceOf(AuthenticationException);
    expect(exceptionFromResponse({ status: 404, body: '', url })).toBeInstanceOf(NotFoundException);
    const html = exceptionFromResponse({ status: 502, body: '<html>Bad gateway</html>', url });
    expect(html).toMatchObject({
      errorCode: 'HTTP_502',
      errorMessage: '<html>Bad gateway</html>',
      statusCode: 502,
    });
  });

  it('carries the wait of a rate limit', () => {
    const error = exceptionFromResponse({
      status: 429,
      body: { code: 'TOO_MANY_REQUESTS' },
      url,
      retryAfterMs: 1500,
    });
    expect((error as RateLimitException).retryAfterMs).toBe(1500);
  });
});

describe('factories', () => {
  it('own their messages', () => {
    expect(AuthenticationException.refreshTokenRejected('a@b.co', 'u', {}).message).toMatch(
      /re-authorization is needed/,
    );
    expect(AuthenticationException.refreshTokenRejected('a@b.co', 'u', {}).needsReauthorization).toBe(true);
    expect(AuthenticationException.missingProfileScope('u', {}).message).toMatch(/aaaserver\.profile\.READ/);
    expect(ZCRMException.noCurrentUser().message).toMatch(/Current user should either be set/);
    expect(TimeoutException.after('u', 500)).toBeInstanceOf(ConnectionException);
    expect(ConnectionException.network('u', 'ECONNREFUSED', undefined)).toMatchObject({
      failure: 'refused',
      maybeProcessed: false,
    });
    expect(ConnectionException.network('u', 'ECONNRESET', undefined)).toMatchObject({
      failure: 'reset',
      maybeProcessed: true,
    });
    expect(ConnectionException.fromRequestError('u', { code: 'ECONNABORTED' }, 10)).toBeInstanceOf(
      TimeoutException,
    );
    expect(ConnectionException.fromRequestError('u', { code: 'ERR_CANCELED' }, 10).failure).toBe('aborted');
    expect(ValidationException.invalidInput('Email', 'must be an email')).toMatchObject({
      statusCode: 0,
      errorDetails: { field: 'Email' },
    });
  });
});

describe('redaction', () => {
  const accessToken = '1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210';

  it('masks Zoho tokens, auth headers and secret parameters', () => {
    expect(redact(`token ${accessToken} used`)).toBe('token 1000.*** used');
    expect(redact('Authorization: Zoho-oauthtoken abc.def')).toBe('Authorization: Zoho-oauthtoken ***');
    expect(redact('https://x/oauth?refresh_token=r1&client_secret=s2&code=c3&grant_type=refresh_token')).toBe(
      'https://x/oauth?refresh_token=***&client_secret=***&code=***&grant_type=refresh_token',
    );
    expect(redact('{"access_token":"abc","code":"INVALID_TOKEN"}')).toBe(
      '{"access_token":"***","code":"INVALID_TOKEN"}',
    );
  });

  it('masks registered secrets of any shape', () => {
    registerSecret('a8f3c2d1e0b9-client-secret');
    expect(redact('secret is a8f3c2d1e0b9-client-secret!')).toBe('secret is ***!');
  });

  it('is applied to every field of an exception', () => {
    registerSecret('hunter2hunter2');
    const error = new ZCRMException({
      statusCode: 400,
      errorCode: 'X',
      errorMessage: `bad ${accessToken} hunter2hunter2`,
      errorDetails: { refresh_token: 'plain', nested: [`${accessToken}`] },
      errorContent: { access_token: 'abc', message: 'hunter2hunter2' },
      url: 'https://x/y?access_token=abc',
    });
    const everything = JSON.stringify([
      error.message,
      error.errorMessage,
      error.errorDetails,
      error.errorContent,
      error.url,
      String(error),
    ]);
    expect(everything).not.toContain('hunter2hunter2');
    expect(everything).not.toContain('0123456789abcdef');
    expect(everything).not.toContain('plain');
    expect(everything).not.toContain('access_token=abc');
  });
});
