import {
  CrmModule,
  defineModel,
  Field,
  LineItems,
  LineTaxes,
  Lookup,
  Owner,
  Participants,
  PricingDetails,
  Subform,
  UserLookup,
} from '../../decorators';
import { transformSync } from 'esbuild';
import { ZCRMException } from '../../src/errors/zcrm-exception';
import {
  FieldMetadata,
  getMetadataStorage,
  ModelMetadata,
  ModelMetadataException,
  SYSTEM_FIELDS,
} from '../../src/metadata';
import { Account, Deal, Invoice, Lead } from './support/models';

const storage = getMetadataStorage();
const model = (target: unknown): ModelMetadata => storage.getModel(target);
const field = (target: unknown, property: string): FieldMetadata => model(target).requireField(property);
/** What matters of a field, without the thunk and declaring class. */
const shape = (f: FieldMetadata) => ({
  propertyName: f.propertyName,
  apiName: f.apiName,
  role: f.role,
  dataType: f.dataType,
  inferred: f.inferred,
  readonly: f.readonly,
  system: f.system,
});

describe('@CrmModule and @Field', () => {
  it('bind a class to a module and properties to API names, in declaration order', () => {
    const invoice = model(Invoice);
    expect(invoice.moduleApiName).toBe('Invoices');
    expect(invoice.name).toBe('Invoice');
    expect(invoice.fields.filter((f) => !f.system).map((f) => [f.propertyName, f.apiName])).toEqual([
      ['subject', 'Subject'],
      ['status', 'Status'],
      ['dueDate', 'Due_Date'],
      ['account', 'Account_Name'],
      ['lines', 'Product_Details'],
      ['grandTotal', 'Grand_Total'],
    ]);
    expect(invoice.fieldByApiName('Grand_Total')?.propertyName).toBe('grandTotal');
    expect(invoice.fieldByApiName('grand_total')).toBeUndefined();
  });

  it('infer the data type from the property type, and let a declared type win', () => {
    expect(shape(field(Lead, 'lastName'))).toEqual({
      propertyName: 'lastName',
      apiName: 'Last_Name',
      role: 'field',
      dataType: 'text',
      inferred: true,
      readonly: false,
      system: false,
    });
    expect(field(Lead, 'emailOptOut').dataType).toBe('boolean');
    expect(field(Lead, 'hobbies').dataType).toBe('multiselectpicklist');
    expect(field(Lead, 'followUp').dataType).toBe('datetime');
    expect(field(Lead, 'leadSource')).toMatchObject({ dataType: 'picklist', inferred: false });
    expect(field(Deal, 'closingDate')).toMatchObject({ dataType: 'date', inferred: false });
    expect(field(Invoice, 'grandTotal')).toMatchObject({ dataType: 'currency', readonly: true });

    @CrmModule('Things')
    class Thing {
      @Field('Count') count?: number;
      @Field('Big') big?: bigint;
      @Field('Either', { type: 'text' }) either?: string | number;
    }
    expect(field(Thing, 'count').dataType).toBe('double');
    expect(field(Thing, 'big').dataType).toBe('bigint');
    expect(field(Thing, 'either')).toMatchObject({ dataType: 'text', inferred: false });
    // A union's design type (Object) tells nothing: the class fails where it is defined, naming the fix.
    expect(() => {
      class Vague {
        @Field('Amount') amount?: number | string;
      }
      return Vague;
    }).toThrow(
      /Vague\.amount: the Zoho data type of Amount is unknown .*@Field\('Amount', \{ type: 'currency' \}\)/,
    );
  });

  it('give every model the system fields, which a declaration replaces', () => {
    const lead = model(Lead);
    expect(lead.fields.filter((f) => f.system).map((f) => f.apiName)).toEqual([
      'id',
      'Owner',
      'Created_Time',
      'Modified_Time',
      'Created_By',
      'Modified_By',
      'Tag',
    ]);
    expect(field(Lead, 'createdTime')).toMatchObject({
      apiName: 'Created_Time',
      dataType: 'datetime',
      readonly: true,
      system: true,
    });

    @CrmModule('Leads')
    class Custom {
      @Owner() assignee?: { id: string };
      @Field('Created_Time', { readonly: true }) created?: Date;
    }
    const custom = model(Custom);
    expect(custom.field('owner')).toBeUndefined();
    expect(custom.field('createdTime')).toBeUndefined();
    expect(custom.fieldByApiName('Owner')).toMatchObject({
      propertyName: 'assignee',
      role: 'owner',
      system: false,
    });
    expect(custom.fieldByApiName('Created_Time')?.propertyName).toBe('created');
    expect(SYSTEM_FIELDS.every((f) => Object.isFrozen(f))).toBe(true);
  });

  it('are inherited: subclasses keep base fields, may redeclare them and inherit the module', () => {
    abstract class Inventory {
      @Field('Subject') subject!: string;
      @Field('Status') status?: string;
    }
    @CrmModule('Quotes')
    class Quote extends Inventory {
      @Field('Quote_Stage', { type: 'picklist' }) stage?: string;
      @Field('Status', { type: 'picklist' }) declare status?: string;
    }
    class SpecialQuote extends Quote {
      @Field('Carrier') carrier?: string;
    }
    @CrmModule('Sales_Orders')
    class Order extends Inventory {}

    expect(
      model(Quote)
        .fields.filter((f) => !f.system)
        .map((f) => `${f.propertyName}:${f.dataType}`),
    ).toEqual(['subject:text', 'status:picklist', 'stage:picklist']);
    expect(model(SpecialQuote).moduleApiName).toBe('Quotes');
    expect(model(SpecialQuote).field('carrier')?.apiName).toBe('Carrier');
    expect(model(Quote).field('carrier')).toBeUndefined();
    expect(model(Order).field('status')?.dataType).toBe('text');
    expect(storage.isModel(Inventory)).toBe(false);
  });

  it('see fields declared after a model was first read (the cache is dropped)', () => {
    abstract class Base {}
    @CrmModule('Cases')
    class Case extends Base {}
    expect(model(Case).field('subject')).toBeUndefined();
    storage.addField(Base, 'subject', { apiName: 'Subject', type: 'text' });
    expect(model(Case).field('subject')?.apiName).toBe('Subject');
  });
});

describe('relation and structured-field decorators', () => {
  it('resolve lookup thunks lazily, so models may refer to each other in any order', () => {
    @CrmModule('Contacts')
    class Contact {
      @Lookup('Reporting_To', () => Contact) manager?: { id: string };
      @Lookup('Account_Name', () => LaterAccount) account?: { id: string };
    }
    @CrmModule('Accounts')
    class LaterAccount {
      @Lookup('Parent_Account', () => LaterAccount) parent?: { id: string };
    }
    expect(field(Contact, 'account')).toMatchObject({ role: 'lookup', dataType: 'lookup' });
    expect(storage.resolveTarget(field(Contact, 'account'))).toBe(LaterAccount);
    expect(storage.resolveTarget(field(Contact, 'manager'))).toBe(Contact);
    expect(storage.resolveTarget(field(Deal, 'account'))).toBe(Account);
    expect(storage.resolveTarget(field(Lead, 'lastName'))).toBeUndefined();
  });

  it('names a thunk that returns no class (an import cycle)', () => {
    const holder: { target?: unknown } = {};
    @CrmModule('Deals')
    class Broken {
      @Lookup('Account_Name', () => holder.target as never) account?: { id: string };
    }
    expect(() => storage.resolveTarget(field(Broken, 'account'))).toThrow(
      expect.objectContaining({
        errorCode: 'BAD_TARGET',
        message: expect.stringContaining('Broken.account'),
      }),
    );
    holder.target = Account;
    expect(storage.resolveTarget(field(Broken, 'account'))).toBe(Account);
  });

  it('declare owners, user lookups, line items, line taxes, subforms, participants and price-book pricing', () => {
    class Visit {
      @Field('Visit_Date', { type: 'date' }) date?: string;
      @Field('Notes') notes?: string;
    }
    class MyLine {
      @Field('quantity') quantity?: number;
    }
    @CrmModule('Sales_Orders')
    class SalesOrder {
      @Owner('Owner', { readonly: true }) owner?: { id: string };
      @UserLookup('Approver') approver?: { id: string };
      @LineItems({ apiName: 'Ordered_Items', row: () => MyLine }) lines: MyLine[] = [];
      @LineTaxes() taxes: unknown[] = [];
      @Subform('Visits', () => Visit) visits: Visit[] = [];
    }
    @CrmModule('Events')
    class Meeting {
      @Participants() participants: unknown[] = [];
    }
    @CrmModule('Price_Books')
    class PriceBook {
      @PricingDetails() pricing: unknown[] = [];
    }
    const roles = (target: unknown) =>
      model(target)
        .fields.filter((f) => !f.system)
        .map((f) => [f.propertyName, f.apiName, f.role, f.dataType, f.readonly]);
    expect(roles(SalesOrder)).toEqual([
      ['owner', 'Owner', 'owner', 'ownerlookup', true],
      ['approver', 'Approver', 'userLookup', 'userlookup', false],
      ['lines', 'Ordered_Items', 'lineItems', 'lineitem', false],
      ['taxes', '$line_tax', 'lineTaxes', 'jsonarray', false],
      ['visits', 'Visits', 'subform', 'subform', false],
    ]);
    expect(storage.resolveTarget(field(SalesOrder, 'lines'))).toBe(MyLine);
    expect(storage.resolveTarget(field(SalesOrder, 'visits'))).toBe(Visit);
    expect(field(Invoice, 'lines')).toMatchObject({ apiName: 'Product_Details', role: 'lineItems' });
    expect(storage.resolveTarget(field(Invoice, 'lines'))).toBeUndefined();
    expect(roles(Meeting)).toEqual([
      ['participants', 'Participants', 'participants', 'multiselectlookup', false],
    ]);
    expect(roles(PriceBook)).toEqual([
      ['pricing', 'Pricing_Details', 'pricingDetails', 'pricing_details', false],
    ]);

    // A subform row is not a model: it has its declared fields only.
    expect(storage.isModel(Visit)).toBe(false);
    const rows = storage.getFieldSet(Visit);
    expect(rows.fields.map((f) => [f.propertyName, f.apiName, f.dataType])).toEqual([
      ['date', 'Visit_Date', 'date'],
      ['notes', 'Notes', 'text'],
    ]);
    expect(storage.getFieldSet(Visit)).toBe(rows);
  });
});

describe('mistakes are reported where the class is defined', () => {
  const fails = (define: () => unknown, code: string, text: string) => {
    let error: unknown;
    try {
      define();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelMetadataException);
    expect(error).toBeInstanceOf(ZCRMException);
    expect(error).toMatchObject({ errorCode: code, statusCode: 0 });
    expect((error as Error).message).toContain(text);
  };

  it('line items, line taxes, participants and pricing only on the modules that have them', () => {
    fails(
      () => {
        @CrmModule('Leads')
        class BadLead {
          @LineItems() lines: unknown[] = [];
        }
        return BadLead;
      },
      'FIELD_NOT_IN_MODULE',
      'BadLead.lines: @LineItems is only for the Quotes, Sales_Orders, Purchase_Orders, Invoices modules, not Leads',
    );
    fails(
      () => {
        @CrmModule('Deals')
        class BadDeal {
          @LineTaxes() taxes: unknown[] = [];
        }
        return BadDeal;
      },
      'FIELD_NOT_IN_MODULE',
      '@LineTaxes',
    );
    fails(
      () => {
        @CrmModule('Calls')
        class BadCall {
          @Participants() who: unknown[] = [];
        }
        return BadCall;
      },
      'FIELD_NOT_IN_MODULE',
      '@Participants is only for the Events module, not Calls',
    );
    fails(
      () => {
        @CrmModule('Products')
        class BadProduct {
          @PricingDetails() pricing: unknown[] = [];
        }
        return BadProduct;
      },
      'FIELD_NOT_IN_MODULE',
      'Price_Books',
    );
  });

  it('two properties with one API name', () => {
    fails(
      () => {
        @CrmModule('Leads')
        class Twice {
          @Field('Email') email?: string;
          @Field('Email') mail?: string;
        }
        return Twice;
      },
      'DUPLICATE_API_NAME',
      'Twice: the properties email and mail both map to the API name Email',
    );
  });

  it('two decorators on one property', () => {
    fails(
      () => {
        class Double {
          @Field('A')
          @Field('B')
          value?: string;
        }
        return Double;
      },
      'DUPLICATE_PROPERTY',
      'Double.value is declared twice',
    );
  });

  it('standard (TypeScript 5 default) decorators: a field without a type fails, naming the fix', () => {
    // What tsc, tsx and esbuild emit when tsconfig has no `experimentalDecorators`: no design types.
    const { code } = transformSync(
      "import { CrmModule, Field } from 'zcrm/decorators';\n" +
        "@CrmModule('Leads') class Lead { @Field('Last_Name') lastName?: string; }",
      { loader: 'ts', format: 'cjs', target: 'node20', tsconfigRaw: {} },
    );
    const decorators = { CrmModule, Field };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs esbuild's output: the point of the test
    const run = new Function('require', 'exports', code) as (req: unknown, exp: unknown) => void;
    fails(
      () => run(() => decorators, {}),
      'UNKNOWN_DATA_TYPE',
      "Lead.lastName: the Zoho data type of Last_Name is unknown (no type option, and no design type from emitDecoratorMetadata to infer it from): declare it, e.g. @Field('Last_Name', { type: 'currency' })",
    );
  });

  it('decorators on static members, methods, accessors or symbol-named properties', () => {
    const key = Symbol('key');
    fails(
      () => {
        class Static {
          @Field('X') static x?: string;
        }
        return Static;
      },
      'MISPLACED_DECORATOR',
      '@Field on Static.x: static members cannot be record fields',
    );
    fails(
      () => {
        class Method {
          @Field('X') x(): string {
            return '';
          }
        }
        return Method;
      },
      'MISPLACED_DECORATOR',
      'only class properties can be record fields',
    );
    fails(
      () => {
        class Accessor {
          @Lookup('X') get x(): string {
            return '';
          }
        }
        return Accessor;
      },
      'MISPLACED_DECORATOR',
      '@Lookup on Accessor.x',
    );
    fails(
      () => {
        class Symbolic {
          @Field('X') [key]?: string;
        }
        return Symbolic;
      },
      'MISPLACED_DECORATOR',
      'string property names',
    );
  });

  it('API names and data types Zoho cannot have', () => {
    fails(
      () => {
        class BadName {
          @Field('First Name') firstName?: string;
        }
        return BadName;
      },
      'BAD_API_NAME',
      'BadName: the API name of firstName must be a Zoho API name',
    );
    fails(
      () => {
        @CrmModule('')
        class NoModule {}
        return NoModule;
      },
      'BAD_API_NAME',
      'the module API name',
    );
    fails(
      () => {
        class BadType {
          @Field('X', { type: 'string' as never }) x?: string;
        }
        return BadType;
      },
      'BAD_DATA_TYPE',
      'BadType.x: "string" is not a Zoho field data type',
    );
  });

  it('a class bound to two modules', () => {
    fails(
      () => {
        @CrmModule('Leads')
        @CrmModule('Contacts')
        class Both {}
        return Both;
      },
      'DUPLICATE_MODULE',
      'Both is declared as module Contacts and as module Leads',
    );
  });

  it('a class that is not a model used as one, and a field it does not have', () => {
    class Plain {
      @Field('X') x?: string;
    }
    fails(
      () => storage.getModel(Plain),
      'NOT_A_MODEL',
      "Plain is not a CRM model: decorate it with @CrmModule('<module API name>')",
    );
    fails(() => storage.getModel({}), 'NOT_A_MODEL', '(anonymous class) is not a CRM model');
    fails(() => field(Lead, 'nope'), 'UNKNOWN_PROPERTY', 'Lead has no field "nope"');
    expect(storage.findModel(Plain)).toBeUndefined();
    expect(storage.findModel(Lead)?.moduleApiName).toBe('Leads');
  });
});

describe('defineModel (no decorators)', () => {
  it('feeds the same registry and metadata as the decorators', () => {
    class Target {}
    class Plain {
      subject!: string;
      total?: number;
      account?: { id: string };
      lines: unknown[] = [];
    }
    const meta = defineModel(Plain, {
      module: 'Invoices',
      fields: {
        subject: 'Subject',
        total: { apiName: 'Grand_Total', type: 'currency', readonly: true },
        account: { apiName: 'Account_Name', role: 'lookup', target: () => Target },
        lines: { apiName: 'Product_Details', role: 'lineItems' },
      },
    });
    expect(meta).toBe(storage.getModel(Plain));
    expect(meta.moduleApiName).toBe('Invoices');
    const declared = meta.fields.filter((f) => !f.system).map(shape);
    expect(declared).toEqual([
      {
        propertyName: 'subject',
        apiName: 'Subject',
        role: 'field',
        dataType: 'text',
        inferred: false,
        readonly: false,
        system: false,
      },
      {
        propertyName: 'total',
        apiName: 'Grand_Total',
        role: 'field',
        dataType: 'currency',
        inferred: false,
        readonly: true,
        system: false,
      },
      {
        propertyName: 'account',
        apiName: 'Account_Name',
        role: 'lookup',
        dataType: 'lookup',
        inferred: true,
        readonly: false,
        system: false,
      },
      {
        propertyName: 'lines',
        apiName: 'Product_Details',
        role: 'lineItems',
        dataType: 'lineitem',
        inferred: true,
        readonly: false,
        system: false,
      },
    ]);
    // The decorated Invoice model has the same shape for the same declarations.
    expect(shape(field(Invoice, 'grandTotal'))).toEqual({ ...declared[1], propertyName: 'grandTotal' });
    expect(storage.resolveTarget(meta.requireField('account'))).toBe(Target);
  });

  it('checks declarations like the decorators do', () => {
    class Wrong {}
    expect(() =>
      defineModel(Wrong, {
        module: 'Leads',
        fields: { lines: { apiName: 'Product_Details', role: 'lineItems' } },
      }),
    ).toThrow(expect.objectContaining({ errorCode: 'FIELD_NOT_IN_MODULE' }));
  });
});
