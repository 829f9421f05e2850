import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { OrgTax } from '../../state/types';
import { crmRoute, NO_CONTENT } from '../route';
import { batchReply, writeEachItem } from '../batch-reply';
import { requireIdsParam } from '../ids-param';
import { ApiErrors } from '../zoho-error';
import { orgScope } from './org-routes';
import { deleteTax, sortedTaxes, TAX_MESSAGES, TaxBatch } from './tax-write';

/** [I] Org tax preferences have no v2 write API; Zoho's defaults. */
const PREFERENCE = { auto_populate_tax: true, modify_tax_rates: true };
const MAX_TAXES = 100;

/**
 * `GET|POST|PUT|DELETE /org/taxes` and `GET|DELETE /org/taxes/{id}` (docs/zoho-v2-notes.md §5.19). [I] Scope: `ZohoCRM.org`,
 * whose resource form `ZohoCRM.org.taxes.{op}` is accepted too. Write results come back under `taxes`.
 */
export function registerTaxRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const scopes = (operation: Parameters<typeof orgScope>[0]) => () => orgScope(operation, 'taxes');

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/org/taxes',
    scopes: scopes('READ'),
    handler: () => {
      const taxes = sortedTaxes(ctx);
      if (taxes.length === 0) return NO_CONTENT;
      return { taxes: taxes.map(renderTax), preference: PREFERENCE };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/org/taxes/:id',
    scopes: scopes('READ'),
    handler: ({ params }) => ({ taxes: [renderTax(taxById(ctx, params.id))] }),
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/org/taxes',
    scopes: scopes('CREATE'),
    handler: ({ request }) => {
      const batch = new TaxBatch(ctx);
      return writeEachItem(ctx, request, 'taxes', MAX_TAXES, 201, (item) => batch.create(item));
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/org/taxes',
    scopes: scopes('UPDATE'),
    handler: ({ request }) => {
      const batch = new TaxBatch(ctx);
      return writeEachItem(ctx, request, 'taxes', MAX_TAXES, 200, (item) => batch.update(item));
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/org/taxes',
    scopes: scopes('DELETE'),
    handler: ({ query }) => {
      const results = requireIdsParam(query, MAX_TAXES).map((id) => deleteTax(ctx, id));
      return batchReply(ctx, results, 200, 'taxes');
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/org/taxes/:id',
    scopes: scopes('DELETE'),
    handler: ({ params }) => {
      const result = deleteTax(ctx, taxById(ctx, params.id).id);
      return batchReply(ctx, [result], 200, 'taxes');
    },
  });
}

function renderTax(tax: OrgTax): Record<string, unknown> {
  return {
    id: tax.id,
    name: tax.name,
    display_label: tax.display_label,
    value: tax.value,
    sequence_number: tax.sequence_number,
  };
}

function taxById(ctx: EmulatorContext, id: string): OrgTax {
  const tax = ctx.state.taxes.find((t) => t.id === id);
  if (!tax) throw ApiErrors.invalidData({ id }, TAX_MESSAGES.unknownId);
  return tax;
}
