import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { registerOrgDetailRoutes } from './org-routes';
import { registerTaxRoutes } from './tax-routes';
import { registerUserRoutes } from './user-routes';
import { registerRoleRoutes } from './role-routes';
import { registerProfileRoutes } from './profile-routes';
import { registerVariableRoutes } from './variable-routes';
import { registerCurrencyRoutes } from './currency-routes';
import { registerTerritoryRoutes } from './territory-routes';

/** The org and its people: org details, taxes and currencies, users, roles, profiles, territories and variables. */
export function registerOrgRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerOrgDetailRoutes(app, ctx);
  registerTaxRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerRoleRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerVariableRoutes(app, ctx);
  registerCurrencyRoutes(app, ctx);
  registerTerritoryRoutes(app, ctx);
}
