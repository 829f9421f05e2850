import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { registerOrgDetailRoutes } from './org-routes';
import { registerTaxRoutes } from './tax-routes';
import { registerUserRoutes } from './user-routes';
import { registerRoleRoutes } from './role-routes';
import { registerProfileRoutes } from './profile-routes';
import { registerVariableRoutes } from './variable-routes';

/** The org and its people: org details and taxes, users, roles, profiles and variables (wire spec §5.19, §6). */
export function registerOrgRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerOrgDetailRoutes(app, ctx);
  registerTaxRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerRoleRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerVariableRoutes(app, ctx);
}
