import type { FieldMetadata, ModelClass } from '../../metadata/field-metadata';
import { getMetadataStorage } from '../../metadata/metadata-storage';
import { idString, isJsonObject, Json, num, str } from '../../api/mappers/json-utils';
import { lineItemToJson, parseLineItem } from '../../api/mappers/line-item-mapper';
import { parseTax, taxToJson } from '../../api/mappers/tax-mapper';
import { parseParticipant, participantToJson } from '../../api/mappers/participant-mapper';
import { parsePricing, pricingToJson } from '../../api/mappers/pricing-mapper';
import { ZCRMInventoryLineItem } from '../../api/entities/zcrm-inventory-line-item';
import { ZCRMRecord } from '../../api/entities/zcrm-record';
import { ZCRMTax } from '../../api/entities/zcrm-tax';
import { ZCRMException } from '../../errors/zcrm-exception';
import { formatDateTime, isDate } from '../../query/values';
import { Ref, RefLoader } from '../values/ref';
import type { UserRef } from '../values/user-ref';
import type { Tax } from '../values/tax';
import { LineItem } from '../values/line-item';
import { Participant } from '../values/participant';
import { PricingRange } from '../values/pricing-range';

/**
 * How each field's values travel: `read` turns a value of Zoho's JSON into the property value, `write` turns
 * a property value into what a save sends. One codec per field role and data type; shapes shared with the
 * seed-parity layer (line items, taxes, participants, price ranges) go through its mappers, so one module
 * knows each shape.
 */

/** A value a save cannot send: the property path and what is wrong. */
export interface WriteIssue {
  property: string;
  apiName?: string;
  message: string;
}

/** What reading needs besides the value: the record's JSON (for `$se_module`) and how refs load. */
export interface ReadContext {
  record: Json;
  loader?: RefLoader;
}

/** What writing needs: where to report values that cannot be sent. */
export interface WriteContext {
  issues: WriteIssue[];
}

export interface FieldCodec {
  readonly field: FieldMetadata;
  read(value: unknown, ctx: ReadContext): unknown;
  /** The wire form, or undefined for "not set" (an issue is reported for a value that cannot be sent). */
  write(value: unknown, ctx: WriteContext, path?: string): unknown;
}

/** Data types whose values are text on the wire. */
const TEXT_TYPES = new Set([
  'text',
  'textarea',
  'mediumtext',
  'email',
  'phone',
  'website',
  'picklist',
  'autonumber',
]);
const NUMBER_TYPES = new Set(['integer', 'double', 'currency', 'percent', 'decimal']);
const LONG_TYPES = new Set(['bigint', 'long']);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function issue(
  ctx: WriteContext,
  field: FieldMetadata,
  path: string | undefined,
  message: string,
): undefined {
  ctx.issues.push({ property: path ?? field.propertyName, apiName: field.apiName, message });
  return undefined;
}

/**
 * Reports a check of the seed layer's mappers (`Product_Details[0].quantity: quantity is mandatory …`)
 * under the ORM's property path (`lines[0].quantity`).
 */
function mapperIssue(ctx: WriteContext, field: FieldMetadata, where: string, error: unknown): void {
  if (!(error instanceof ZCRMException)) throw error;
  const details = error.errorDetails as { field?: unknown } | undefined;
  const wireField = typeof details?.field === 'string' ? details.field : '';
  const suffix = /^[$\w]+\[\d+\](.*)$/.exec(wireField)?.[1] ?? '';
  const message = error.errorMessage.startsWith(`${wireField}: `)
    ? error.errorMessage.slice(wireField.length + 2)
    : error.errorMessage;
  const property = suffix
    .replace('.line_tax', '.taxes')
    .replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  issue(ctx, field, `${where}${property}`, message);
}

/** JSON values copied, so edits of a read record never reach the JSON it was read from. */
function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a string';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

/** Plain fields by data type. */
function plainCodec(field: FieldMetadata): FieldCodec {
  const type = field.dataType;
  if (TEXT_TYPES.has(type)) {
    return {
      field,
      read: (v) => (v === null || v === undefined ? undefined : typeof v === 'string' ? v : str(v)),
      write(v, ctx, path) {
        if (v === undefined || v === null || typeof v === 'string') return v;
        if (typeof v === 'number' && Number.isFinite(v)) return String(v);
        return issue(ctx, field, path, `expects a string, got ${describe(v)}`);
      },
    };
  }
  if (NUMBER_TYPES.has(type)) {
    return {
      field,
      read: (v) => num(v) ?? undefined,
      write(v, ctx, path) {
        if (v === undefined || v === null) return v;
        if (typeof v === 'number' && Number.isFinite(v)) {
          if (type === 'integer' && !Number.isInteger(v))
            return issue(ctx, field, path, `expects an integer, got ${v}`);
          return v;
        }
        return issue(ctx, field, path, `expects a finite number, got ${describe(v)}`);
      },
    };
  }
  if (LONG_TYPES.has(type)) {
    return {
      field,
      read: (v) =>
        v === null || v === undefined
          ? undefined
          : typeof v === 'number' || typeof v === 'string'
            ? v
            : str(v),
      write(v, ctx, path) {
        if (v === undefined || v === null) return v;
        if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
        if (typeof v === 'bigint') return v.toString();
        if (typeof v === 'string' && /^-?\d+$/.test(v)) return v;
        return issue(ctx, field, path, `expects an integer (or its digit string), got ${describe(v)}`);
      },
    };
  }
  switch (type) {
    case 'boolean':
      return {
        field,
        read: (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
        write(v, ctx, path) {
          if (v === undefined || v === null || typeof v === 'boolean') return v;
          return issue(ctx, field, path, `expects true or false, got ${describe(v)}`);
        },
      };
    case 'date':
      // Dates stay 'YYYY-MM-DD' strings both ways: no Date object, so no time-zone shift.
      return {
        field,
        read: (v) => (typeof v === 'string' ? v : undefined),
        write(v, ctx, path) {
          if (v === undefined || v === null) return v;
          if (typeof v === 'string' && isDate(v)) return v;
          if (v instanceof Date) {
            return issue(
              ctx,
              field,
              path,
              "a date field takes a 'YYYY-MM-DD' string, not a Date (format it in the time zone you mean)",
            );
          }
          return issue(ctx, field, path, `expects a 'YYYY-MM-DD' date, got ${describe(v)}`);
        },
      };
    case 'datetime':
      // Zoho sends the org's offset (`2024-05-02T11:17:33+05:30`); the Date is that instant. Sent in UTC.
      return {
        field,
        read(v) {
          if (typeof v !== 'string') return undefined;
          const date = new Date(v);
          return Number.isNaN(date.getTime()) ? undefined : date;
        },
        write(v, ctx, path) {
          if (v === undefined || v === null) return v;
          if (v instanceof Date) {
            return Number.isNaN(v.getTime())
              ? issue(ctx, field, path, 'is an invalid Date')
              : formatDateTime(v.getTime());
          }
          if (typeof v === 'string' && DATE_TIME.test(v) && !Number.isNaN(Date.parse(v))) {
            return /\.\d+|Z$/.test(v) ? formatDateTime(Date.parse(v)) : v;
          }
          return issue(
            ctx,
            field,
            path,
            `expects a Date or an ISO-8601 date-time with an offset, got ${describe(v)}`,
          );
        },
      };
    case 'multiselectpicklist':
      return {
        field,
        read: (v) =>
          Array.isArray(v)
            ? v.map((x) => String(x))
            : typeof v === 'string' && v !== ''
              ? v.split(';')
              : undefined,
        write(v, ctx, path) {
          if (v === undefined || v === null) return v;
          if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return [...v];
          return issue(ctx, field, path, `expects a list of options (strings), got ${describe(v)}`);
        },
      };
    default:
      // Formula, JSON, image and other fields: copied through as they are.
      return {
        field,
        read: (v) => (v === null ? undefined : copyJson(v)),
        write: (v) => (v === null || v === undefined ? v : copyJson(v)),
      };
  }
}

/** The module a lookup points to: its model's, else `$se_module` for the polymorphic ones. */
function lookupModule(field: FieldMetadata, record: Json): { model?: ModelClass; module?: string } {
  const storage = getMetadataStorage();
  const target = storage.resolveTarget(field);
  if (target && storage.isModel(target))
    return { model: target, module: storage.getModel(target).moduleApiName };
  const se = record.$se_module;
  return { module: typeof se === 'string' ? se : undefined };
}

/** The id of a lookup value: a `Ref`, a loaded record, `{ id }` or a bare id string. */
function refId(v: unknown): string | undefined {
  if (typeof v === 'string') return /^\d+$/.test(v) ? v : undefined;
  if (isJsonObject(v) || v instanceof Ref) {
    const id = idString((v as { id?: unknown }).id);
    return id !== undefined && /^\d+$/.test(id) ? id : undefined;
  }
  return undefined;
}

function lookupCodec(field: FieldMetadata): FieldCodec {
  // The target is resolved on first read (its thunk may refer to a class defined later in the file).
  let target: { model?: ModelClass; module?: string } | undefined;
  return {
    field,
    read(v, ctx) {
      const id = idString(isJsonObject(v) ? v.id : v);
      if (id === undefined) return undefined;
      if (target === undefined) {
        const resolved = lookupModule(field, ctx.record);
        if (resolved.model) target = resolved;
      }
      const { model, module } = target ?? lookupModule(field, ctx.record);
      const name = isJsonObject(v) ? (str(v.name) ?? undefined) : undefined;
      return new Ref(id, { name, model, module, loader: ctx.loader });
    },
    write(v, ctx, path) {
      if (v === undefined || v === null) return v;
      const id = refId(v);
      if (id === undefined) {
        return issue(
          ctx,
          field,
          path,
          `expects a record reference (Model.ref(id), a record with an id, or an id string), got ${describe(v)}`,
        );
      }
      return { id };
    },
  };
}

function userCodec(field: FieldMetadata): FieldCodec {
  return {
    field,
    read(v) {
      const id = idString(isJsonObject(v) ? v.id : v);
      if (id === undefined) return undefined;
      const user: UserRef = { id };
      if (isJsonObject(v)) {
        const name = str(v.name);
        if (name) user.name = name;
        const email = str(v.email);
        if (email) user.email = email;
      }
      return user;
    },
    write(v, ctx, path) {
      if (v === undefined || v === null) return v;
      const id = refId(v);
      if (id === undefined)
        return issue(ctx, field, path, `expects a user ({ id }) or a user id, got ${describe(v)}`);
      return { id };
    },
  };
}

/** Taxes ↔ plain `{ name, percentage, value, id }` objects, through the seed layer's tax mapper. */
function readTaxes(v: unknown): Tax[] {
  if (!Array.isArray(v)) return [];
  const taxes: Tax[] = [];
  for (const entry of v) {
    const tax = parseTax(entry);
    if (!tax?.name) continue;
    const out: { name: string; percentage?: number; value?: number; id?: string } = { name: tax.name };
    if (tax.percentage !== undefined) out.percentage = tax.percentage;
    if (tax.value !== undefined) out.value = tax.value;
    if (tax.id !== undefined) out.id = tax.id;
    taxes.push(out);
  }
  return taxes;
}

function writeTaxes(
  v: unknown,
  field: FieldMetadata,
  ctx: WriteContext,
  path: string,
): unknown[] | undefined {
  if (!Array.isArray(v))
    return issue(ctx, field, path, `expects a list of taxes ({ name, percentage }), got ${describe(v)}`);
  const out: unknown[] = [];
  v.forEach((t, i) => {
    const where = `${path}[${i}]`;
    if (!isJsonObject(t) || typeof t.name !== 'string' || t.name === '') {
      issue(ctx, field, where, 'a tax needs its name');
      return;
    }
    if (
      t.percentage !== undefined &&
      (typeof t.percentage !== 'number' ||
        !Number.isFinite(t.percentage) ||
        t.percentage < 0 ||
        t.percentage > 100)
    ) {
      issue(ctx, field, `${where}.percentage`, 'must be a number from 0 to 100');
      return;
    }
    const tax = new ZCRMTax(t.name, t.percentage as number | undefined);
    // The id is Zoho's; sending the name and rate is enough, and stays valid if the org tax is replaced.
    out.push(taxToJson(tax, where));
  });
  return out;
}

function lineTaxesCodec(field: FieldMetadata): FieldCodec {
  return {
    field,
    read: (v) => readTaxes(v),
    write(v, ctx, path = field.propertyName) {
      if (v === undefined || v === null) return v;
      return writeTaxes(v, field, ctx, path);
    },
  };
}

/** The row class of a line-items field: the declared one (a subclass of `LineItem`) or `LineItem`. */
function lineRowClass(field: FieldMetadata): new () => LineItem {
  const declared = getMetadataStorage().resolveTarget(field);
  return (declared as (new () => LineItem) | undefined) ?? LineItem;
}

function lineItemsCodec(field: FieldMetadata): FieldCodec {
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
        return issue(ctx, field, path, `expects a list of line items, got ${describe(v)}`);
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
              `expects a product reference or id, got ${describe(r.product)}`,
            );
            return;
          }
          item.product = new ZCRMRecord('Products', id);
        }
        item.quantity = r.quantity as number | undefined;
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
              `expects an amount or a percentage such as '10%', got ${describe(discount)}`,
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
              `expects a non-negative amount or a percentage, got ${describe(discount)}`,
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
        for (const codec of rowFieldCodecs(row.constructor as ModelClass)) {
          const value = codec.write(r[codec.field.propertyName], ctx, `${where}.${codec.field.propertyName}`);
          if (value !== undefined) json[codec.field.apiName] = value;
        }
        out.push(json);
      });
      return out;
    },
  };
}

/** Codecs of the fields a row class (subform row, line-item subclass) declares with `@Field` …. */
export function rowFieldCodecs(row: ModelClass): FieldCodec[] {
  if (row === LineItem || row === Object) return [];
  return getMetadataStorage().getFieldSet(row).fields.map(codecFor);
}

function subformCodec(field: FieldMetadata): FieldCodec {
  const rowClass = () => {
    const row = getMetadataStorage().resolveTarget(field);
    if (!row) throw new TypeError(`${field.propertyName}: @Subform needs its row class`);
    return row as new () => Record<string, unknown>;
  };
  return {
    field,
    read(v, ctx) {
      if (!Array.isArray(v)) return [];
      const Row = rowClass();
      const codecs = rowFieldCodecs(Row);
      return v.filter(isJsonObject).map((json) => {
        const row = new Row();
        const id = idString(json.id);
        if (id !== undefined) row.id = id;
        for (const codec of codecs) {
          const value = codec.read(json[codec.field.apiName], { ...ctx, record: json });
          if (value !== undefined) row[codec.field.propertyName] = value;
        }
        return row;
      });
    },
    write(v, ctx, path = field.propertyName) {
      if (v === undefined || v === null) return v;
      if (!Array.isArray(v)) return issue(ctx, field, path, `expects a list of rows, got ${describe(v)}`);
      const codecs = rowFieldCodecs(rowClass());
      return v.map((row: unknown, i) => {
        const where = `${path}[${i}]`;
        if (!isJsonObject(row)) return issue(ctx, field, where, 'a subform row must be an object');
        const json: Json = {};
        const id = idString(row.id);
        if (id !== undefined) json.id = id;
        for (const codec of codecs) {
          if (codec.field.readonly) continue;
          const value = codec.write(
            row[codec.field.propertyName],
            ctx,
            `${where}.${codec.field.propertyName}`,
          );
          if (value !== undefined) json[codec.field.apiName] = value;
        }
        return json;
      });
    },
  };
}

/**
 * A list of typed rows kept as instances of `Row` (participants, price ranges): read through the shared API
 * parser, written through the shared serialiser, each row checked and reported by its index.
 */
function rowListCodec<Row extends object>(
  field: FieldMetadata,
  Row: new () => Row,
  what: { list: string; row: string },
  parse: (json: Json) => Partial<Row>,
  toJson: (row: Row, index: number) => unknown,
): FieldCodec {
  return {
    field,
    read: (v) =>
      Array.isArray(v) ? v.filter(isJsonObject).map((json) => Object.assign(new Row(), parse(json))) : [],
    write(v, ctx, path = field.propertyName) {
      if (v === undefined || v === null) return v;
      if (!Array.isArray(v))
        return issue(ctx, field, path, `expects a list of ${what.list}, got ${describe(v)}`);
      const out: unknown[] = [];
      v.forEach((p: unknown, i) => {
        if (!isJsonObject(p))
          return void issue(
            ctx,
            field,
            `${path}[${i}]`,
            `a ${what.row} must be an object (new ${Row.name}({...}))`,
          );
        try {
          out.push(toJson(Object.assign(new Row(), p), i));
        } catch (error) {
          mapperIssue(ctx, field, `${path}[${i}]`, error);
        }
      });
      return out;
    },
  };
}

function participantsCodec(field: FieldMetadata): FieldCodec {
  return rowListCodec(
    field,
    Participant,
    { list: 'participants', row: 'participant' },
    parseParticipant,
    participantToJson,
  );
}

function pricingCodec(field: FieldMetadata): FieldCodec {
  return rowListCodec(
    field,
    PricingRange,
    { list: 'price ranges', row: 'price range' },
    parsePricing,
    pricingToJson,
  );
}

/** Tags come as `[{name, id}]`; read-only on the record. */
function tagsCodec(field: FieldMetadata): FieldCodec {
  return {
    field,
    read: (v) =>
      Array.isArray(v)
        ? v
            .filter(isJsonObject)
            .filter((t) => typeof t.name === 'string')
            .map((t) =>
              idString(t.id) !== undefined
                ? { name: t.name as string, id: idString(t.id)! }
                : { name: t.name as string },
            )
        : [],
    write: () => undefined,
  };
}

const cache = new WeakMap<FieldMetadata, FieldCodec>();

/** The codec of a field (cached per field). */
export function codecFor(field: FieldMetadata): FieldCodec {
  let codec = cache.get(field);
  if (codec) return codec;
  switch (field.role) {
    case 'lookup':
      codec = lookupCodec(field);
      break;
    case 'owner':
    case 'userLookup':
      codec = userCodec(field);
      break;
    case 'lineItems':
      codec = lineItemsCodec(field);
      break;
    case 'lineTaxes':
      codec = lineTaxesCodec(field);
      break;
    case 'subform':
      codec = subformCodec(field);
      break;
    case 'participants':
      codec = participantsCodec(field);
      break;
    case 'pricingDetails':
      codec = pricingCodec(field);
      break;
    default:
      codec = field.system && field.apiName === 'Tag' ? tagsCodec(field) : plainCodec(field);
  }
  cache.set(field, codec);
  return codec;
}

/** Roles whose value is a list of rows that a save sends whole. */
export const ROW_ROLES: ReadonlySet<string> = new Set([
  'lineItems',
  'lineTaxes',
  'subform',
  'participants',
  'pricingDetails',
]);
