import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../../context';
import { isPlainObject, readJson } from '../body';
import { writeEachItem } from '../batch-reply';
import { settingsScope } from '../module-scopes';
import { userNameRef } from '../metadata/render-module';
import { crmRoute, NO_CONTENT } from '../route';
import type { Operation } from '../scopes';
import { ApiErrors, asRequestError, ZohoApiError } from '../zoho-error';
import { CURRENCY_MESSAGES, CurrencyWriter, currencies, OrgCurrency } from './currency-write';

/** [I] Most currencies one write call takes, as for the other org settings. */
const MAX_CURRENCIES = 100;

/**
 * The v2 currencies API, as the official Node SDK 2.0 calls it (`core/com/zoho/crm/api/currencies/
 * currencies_operations.js`): `GET|POST|PUT /org/currencies`, `GET|PUT /org/currencies/{id}`, and
 * `POST|PUT /org/currencies/actions/enable` (enable multi-currency with a base currency / update the base
 * currency). Scope `ZohoCRM.settings.currencies.{op}`. Until multi-currency is enabled every call but the
 * enabling one answers 403 CURRENCIES_NOT_ENABLED, and an unknown currency id 204
 * (https://www.zoho.com/crm/developer/docs/api/v2/get-currencies-data.html, .../specific-currency.html).
 */
export function registerCurrencyRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const scopes = (operation: Operation) => () => settingsScope('currencies', operation);
  const enabled = () => {
    const list = currencies(ctx);
    if (list.length === 0)
      throw new ZohoApiError(403, 'CURRENCIES_NOT_ENABLED', CURRENCY_MESSAGES.notEnabled);
    return list;
  };

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/org/currencies',
    scopes: scopes('READ'),
    handler: () => ({ currencies: enabled().map((c) => renderCurrency(ctx, c)) }),
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/org/currencies/:id',
    scopes: scopes('READ'),
    handler: ({ params }) => {
      const currency = enabled().find((c) => c.id === params.id);
      return currency ? { currencies: [renderCurrency(ctx, currency)] } : NO_CONTENT;
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/org/currencies',
    scopes: scopes('CREATE'),
    handler: ({ request }) => {
      enabled();
      const writer = new CurrencyWriter(ctx);
      return writeEachItem(ctx, request, 'currencies', MAX_CURRENCIES, 200, (item) => writer.create(item));
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/org/currencies',
    scopes: scopes('UPDATE'),
    handler: ({ request }) => {
      enabled();
      const writer = new CurrencyWriter(ctx);
      return writeEachItem(ctx, request, 'currencies', MAX_CURRENCIES, 200, (item) => writer.update(item));
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/org/currencies/:id',
    scopes: scopes('UPDATE'),
    handler: ({ request, params }) => {
      enabled();
      const writer = new CurrencyWriter(ctx);
      return writeEachItem(ctx, request, 'currencies', 1, 200, (item) => writer.update(item, params.id));
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/org/currencies/actions/enable',
    scopes: scopes('CREATE'),
    handler: ({ request }) => {
      if (currencies(ctx).length > 0)
        throw new ZohoApiError(400, 'ALREADY_ENABLED', CURRENCY_MESSAGES.alreadyEnabled);
      const result = new CurrencyWriter(ctx).create(baseCurrencyBody(request), true);
      if (result.status === 'error') throw asRequestError(result);
      ctx.state.org.mc_status = true;
      return { base_currency: result };
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/org/currencies/actions/enable',
    scopes: scopes('UPDATE'),
    handler: ({ request }) => {
      const base = enabled().find((c) => c.is_base)!;
      const result = new CurrencyWriter(ctx).update(baseCurrencyBody(request), base.id);
      if (result.status === 'error') throw asRequestError(result);
      return { base_currency: result };
    },
  });
}

/** The `{"base_currency": {...}}` body of the enable calls (Node SDK 2.0 `currencies/base_currency_wrapper.js`). */
function baseCurrencyBody(request: FastifyRequest): Record<string, unknown> {
  const body = readJson(request);
  if (!isPlainObject(body)) throw ApiErrors.invalidData({ expected_data_type: 'jsonobject' });
  const base = body.base_currency;
  if (base === undefined || base === null) throw ApiErrors.mandatoryNotFound({ api_name: 'base_currency' });
  if (!isPlainObject(base))
    throw ApiErrors.invalidData({ api_name: 'base_currency', expected_data_type: 'jsonobject' });
  return base;
}

function renderCurrency(ctx: EmulatorContext, currency: OrgCurrency): Record<string, unknown> {
  return {
    ...currency,
    created_by: userNameRef(ctx, currency.created_by),
    modified_by: userNameRef(ctx, currency.modified_by),
  };
}
