import { isJsonObject, Json } from '../../../api/mappers/json-utils';
import { lineItemToJson, parseLineItem } from '../../../api/mappers/line-item-mapper';
import { ZCRMInventoryLineItem } from '../../../api/entities/zcrm-inventory-line-item';
import { ZCRMRecord } from '../../../api/entities/zcrm-record';
import { FieldCodec, issue, mapperIssue } from '../../../metadata/codecs/field-codec';
import type { FieldMetadata } from '../../../metadata/field-metadata';
import { getMetadataStorage } from '../../../metadata/metadata-storage';
import { describeValue } from '../../../metadata/wire-values';
import { LineItem } from '../../values/line-item';
import { Ref } from '../../values/ref';
import { refId } from './ref-id';
import type { RowCodecs } from './row-codecs';
import { readTaxes, writeTaxes } from './taxes';

/** The row class of a line-items field: the declared one (a subclass of `LineItem`) or `LineItem`. */
function lineRowClass(field: FieldMetadata): new () => LineItem {
  const declared = getMetadataStorage().resolveTarget(field);
  return (declared as (new () => LineItem) | undefined) ?? LineItem;
}

/** Inventory line items, as `LineItem` rows (or a declared subclass, whose own fields are mapped too). */
export function lineItemsCodec(field: FieldMetadata, rowFieldCodecs: RowCodecs): FieldCodec {
  return {
    field,
    read(v, ctx) {
      if (!Array.isArray(v)) return [];
      const Row = lineRowClass(field);
      const extra = rowFieldCodecs(Row);
      return v.filter(isJsonObject).map((json) => {
        const parsed = parseLineItem(json);
        const row = new Row() as LineItem & Record<string, unknown>;
        const target = row as unknown as Record<string, unknown>;
        if (parsed.id) row.id = parsed.id;
        if (parsed.product?.entityId) {
          row.product = new Ref(parsed.product.entityId, {
            name: parsed.product.lookupLabel ?? undefined,
            module: 'Products',
            loader: ctx.loader,
          });
        }
        const set = (key: string, value: number | string | null | undefined) => {
          if (value !== undefined && value !== null) target[key] = value;
        };
        set('quantity', parsed.quantity);
        set('listPrice', parsed.listPrice);
        set('description', parsed.description);
        if (parsed.discountPercentage !== undefined && parsed.discountPercentage !== null) {
          target.discount = `${parsed.discountPercentage}%`;
        } else set('discount', parsed.discount);
        set('total', parsed.total);
        set('totalAfterDiscount', parsed.totalAfterDiscount);
        set('taxAmount', parsed.taxAmount);
        set('netTotal', parsed.netTotal);
        set('unitPrice', parsed.unitPrice);
        set('quantityInStock', parsed.quantityInStock);
        row.taxes = readTaxes(json.line_tax);
        for (const codec of extra)
          target[codec.field.propertyName] = codec.read(json[codec.field.apiName], { ...ctx, record: json });
        return row;
      });
    },
    write(v, ctx, path = field.propertyName) {
      if (v === undefined || v === null) return v;
      if (!Array.isArray(v))
        return issue(ctx, field, path, `expects a list of line items, got ${describeValue(v)}`);
      const out: unknown[] = [];
      v.forEach((row: unknown, i) => {
        const where = `${path}[${i}]`;
        if (!isJsonObject(row)) {
          issue(ctx, field, where, 'a line item must be an object (new LineItem({...}))');
          return;
        }
        const r = row as Partial<LineItem> & Json;
        const item = new ZCRMInventoryLineItem();
        if (typeof r.id === 'string' && r.id) item.id = r.id;
        if (r.product !== undefined && r.product !== null) {
          const id = refId(r.product);
          if (id === undefined) {
            issue(
              ctx,
              field,
              `${where}.product`,
              `expects a product reference or id, got ${describeValue(r.product)}`,
            );
            return;
          }
          item.product = new ZCRMRecord('Products', id);
        }
        item.quantity = r.quantity;
        if (r.listPrice !== undefined && r.listPrice !== null) item.listPrice = r.listPrice;
        if (r.description !== undefined && r.description !== null) item.description = r.description;
        const discount = r.discount as unknown;
        if (typeof discount === 'string') {
          const match = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(discount);
          if (!match) {
            issue(
              ctx,
              field,
              `${where}.discount`,
              `expects an amount or a percentage such as '10%', got ${describeValue(discount)}`,
            );
            return;
          }
          item.discountPercentage = Number(match[1]);
        } else if (discount !== undefined && discount !== null) {
          if (typeof discount !== 'number' || !Number.isFinite(discount) || discount < 0) {
            issue(
              ctx,
              field,
              `${where}.discount`,
              `expects a non-negative amount or a percentage, got ${describeValue(discount)}`,
            );
            return;
          }
          item.discount = discount;
        }
        const issuesBefore = ctx.issues.length;
        const taxes = writeTaxes(r.taxes ?? [], field, ctx, `${where}.taxes`);
        if (ctx.issues.length > issuesBefore || !taxes) return;
        let json: Json;
        try {
          json = lineItemToJson(item, i);
        } catch (error) {
          mapperIssue(ctx, field, where, error);
          return;
        }
        // Taxes as checked above (`lineItemToJson` sends the seed entity's own list).
        if (taxes.length > 0) json.line_tax = taxes;
        else delete json.line_tax;
        for (const codec of rowFieldCodecs(row.constructor)) {
          const value = codec.write(r[codec.field.propertyName], ctx, `${where}.${codec.field.propertyName}`);
          if (value !== undefined) json[codec.field.apiName] = value;
        }
        out.push(json);
      });
      return out;
    },
  };
}
