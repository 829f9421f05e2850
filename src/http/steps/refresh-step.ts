import { AuthenticationException } from '../../errors/authentication-exception';
import type { Step } from '../http-types';
import type { AccessTokenSource } from './auth-header-step';

/**
 * When Zoho answers `INVALID_TOKEN` (revoked, expired early, clock skew), gets a renewed token (refreshing unless
 * another call already did) and retries once. A second rejection surfaces as is: no loops.
 */
export function refreshOnInvalidTokenStep(tokens: AccessTokenSource): Step {
  return {
    name: 'refresh-on-invalid-token',
    async handle(request, next) {
      const auth = { ...request.auth! };
      try {
        return await next({ ...request, auth });
      } catch (err) {
        if (
          !(err instanceof AuthenticationException) ||
          err.errorCode !== 'INVALID_TOKEN' ||
          !auth.accessToken
        )
          throw err;
        const renewed = await tokens.renewRejectedToken(auth.userEmail, auth.accessToken);
        return next({ ...request, auth: { userEmail: auth.userEmail, accessToken: renewed } });
      }
    },
  };
}
