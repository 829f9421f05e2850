import { ZCRMException } from '../../errors/zcrm-exception';
import type { Step } from '../http-types';

/** What the auth steps need from the OAuth client. */
export interface AccessTokenSource {
  getAccessToken(userEmail: string): Promise<string>;
  renewRejectedToken(userEmail: string, rejectedAccessToken: string): Promise<string>;
}

/** `Authorization: Zoho-oauthtoken <token>` for the request's user; records the token used in `request.auth`. */
export function authHeaderStep(tokens: AccessTokenSource): Step {
  return {
    name: 'auth-header',
    async handle(request, next) {
      if (!request.auth) throw ZCRMException.noCurrentUser();
      const accessToken = request.auth.accessToken ?? (await tokens.getAccessToken(request.auth.userEmail));
      request.auth.accessToken = accessToken;
      return next({
        ...request,
        headers: { ...request.headers, Authorization: `Zoho-oauthtoken ${accessToken}` },
      });
    },
  };
}
