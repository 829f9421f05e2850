/**
 * The decorators under every way a user's model gets compiled: tsc with legacy decorators and
 * `emitDecoratorMetadata`, tsc with TypeScript 5 standard decorators, and esbuild (which emits no design
 * types) in both flavours. Each model is compiled from source, run against this package, and used: field
 * types, the wire body of a save, and the error when a field's type cannot be known.
 */
import * as path from 'path';
import * as esbuild from 'esbuild';
import * as ts from 'typescript';
import * as classValidator from 'class-validator';
import * as decorators from '../../decorators';
import * as zcrm from '../../src';
import { getMetadataStorage } from '../../src/metadata';
import { cannedClient } from '../support/record-helpers';

const ROOT = path.resolve(__dirname, '../..');

/** A model that declares every type, so it needs no design type. */
const TYPED = `
import { CrmModule, Field, Lookup, Subform } from 'zcrm/decorators';
import { CrmRecord, Ref } from 'zcrm';

export class Visit {
  @Field('Visit_Date', { type: 'date' }) date?: string;
  @Field('Notes', { type: 'textarea' }) notes?: string;
}

/** A base class without a module: its fields are inherited. */
export abstract class Named extends CrmRecord {
  @Field('Deal_Name', { type: 'text' }) name!: string;
}

@CrmModule('Deals')
export class Deal extends Named {
  @Field('Amount', { type: 'currency' }) amount?: number;
  @Field('Closing_Date', { type: 'date' }) closingDate?: string;
  @Lookup('Account_Name') account?: Ref;
  @Subform('Visits', () => Visit) visits: Visit[] = [];
}
`;

/** A model that leaves the amount's type to the design type. */
const UNTYPED = `
import { CrmModule, Field } from 'zcrm/decorators';
import { CrmRecord } from 'zcrm';

@CrmModule('Deals')
export class Deal extends CrmRecord {
  @Field('Deal_Name', { type: 'text' }) name!: string;
  @Field('Amount') amount?: number;
}
`;

type Flavour = {
  name: string;
  legacy: boolean;
  designTypes: boolean;
  compile: (source: string) => Promise<string>;
};

function tscOptions(legacy: boolean): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    experimentalDecorators: legacy,
    emitDecoratorMetadata: legacy,
    skipLibCheck: true,
    types: [],
    baseUrl: ROOT,
    paths: { 'zcrm/decorators': ['decorators/index.ts'], zcrm: ['src/index.ts'] },
  };
}

/** Type errors of `source` alone (the package's own files are checked by the project's tsc run). */
function typeErrors(source: string, legacy: boolean): string[] {
  const file = path.join(ROOT, 'test/orm/__flavour_model__.ts');
  const options = tscOptions(legacy);
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || exists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const FLAVOURS: Flavour[] = [
  {
    name: 'tsc, experimentalDecorators + emitDecoratorMetadata',
    legacy: true,
    designTypes: true,
    compile: async (source) => ts.transpileModule(source, { compilerOptions: tscOptions(true) }).outputText,
  },
  {
    name: 'tsc, TypeScript 5 standard decorators',
    legacy: false,
    designTypes: false,
    compile: async (source) => ts.transpileModule(source, { compilerOptions: tscOptions(false) }).outputText,
  },
  {
    name: 'esbuild, experimentalDecorators (no design types)',
    legacy: true,
    designTypes: false,
    compile: async (source) =>
      (
        await esbuild.transform(source, {
          loader: 'ts',
          format: 'cjs',
          target: 'es2022',
          tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
        })
      ).code,
  },
  {
    name: 'esbuild, standard decorators',
    legacy: false,
    designTypes: false,
    compile: async (source) =>
      (
        await esbuild.transform(source, {
          loader: 'ts',
          format: 'cjs',
          target: 'es2022',
          tsconfigRaw: { compilerOptions: { experimentalDecorators: false } },
        })
      ).code,
  },
];

/** Runs compiled CommonJS code with `zcrm` and `zcrm/decorators` resolved to this package's sources. */
function run(js: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const load = (id: string): unknown => {
    if (id === 'zcrm/decorators') return decorators;
    if (id === 'zcrm') return zcrm;
    if (id === 'class-validator') return classValidator;
    throw new Error(`unexpected import ${id}`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the compiler's output: the point of the test
  new Function('require', 'module', 'exports', js)(load, module, module.exports);
  return module.exports;
}

describe.each(FLAVOURS)('$name', (flavour) => {
  test('a fully typed model: field types, and the amount sent as a number', async () => {
    const { Deal, Visit } = run(await flavour.compile(TYPED)) as {
      Deal: zcrm.ModelConstructor<zcrm.CrmRecord & Record<string, unknown>>;
      Visit: new () => Record<string, unknown>;
    };
    const meta = getMetadataStorage().getModel(Deal);
    const types = Object.fromEntries(
      meta.fields.filter((f) => !f.system).map((f) => [f.propertyName, f.dataType]),
    );
    expect(types).toEqual({
      name: 'text',
      amount: 'currency',
      closingDate: 'date',
      account: 'lookup',
      visits: 'subform',
    });
    // Row classes have no class decorator: their standard-decorator fields reach the registry on first use.
    expect(
      getMetadataStorage()
        .getFieldSet(Visit)
        .fields.map((f) => [f.apiName, f.dataType]),
    ).toEqual([
      ['Visit_Date', 'date'],
      ['Notes', 'textarea'],
    ]);

    // The insert, then the read-back of the saved record (its subform rows get their ids from Zoho).
    const { client, requests } = await cannedClient((request) =>
      request.method === 'POST'
        ? {
            status: 201,
            body: {
              data: [{ code: 'SUCCESS', status: 'success', message: 'record added', details: { id: '7' } }],
            },
          }
        : {
            status: 200,
            body: {
              data: [
                {
                  id: '7',
                  Deal_Name: 'Big one',
                  Amount: 1200.5,
                  Visits: [{ id: '71', Visit_Date: '2026-12-01', Notes: 'first' }],
                },
              ],
            },
          },
    );
    const deal = zcrm.getRepository(Deal, client).create({
      name: 'Big one',
      amount: 1200.5,
      closingDate: '2026-12-24',
      visits: [Object.assign(new Visit(), { date: '2026-12-01', notes: 'first' })],
    });
    await zcrm.getRepository(Deal, client).save(deal);
    const sent = (requests[0].body as { data: Record<string, unknown>[] }).data[0];
    expect(sent).toMatchObject({
      Deal_Name: 'Big one',
      Amount: 1200.5,
      Closing_Date: '2026-12-24',
      Visits: [{ Visit_Date: '2026-12-01', Notes: 'first' }],
    });
    expect(typeof sent.Amount).toBe('number');
  });

  test('a field without a type: inferred from the design type, or an error naming class, property and fix', async () => {
    const js = await flavour.compile(UNTYPED);
    if (flavour.designTypes) {
      const { Deal } = run(js) as { Deal: zcrm.ModelConstructor<zcrm.CrmRecord> };
      expect(getMetadataStorage().getModel(Deal).field('amount')?.dataType).toBe('double');
      return;
    }
    expect(() => run(js)).toThrow(
      "Deal.amount: the Zoho data type of Amount is unknown (no type option, and no design type from emitDecoratorMetadata to infer it from): declare it, e.g. @Field('Amount', { type: 'currency' })",
    );
  });
});

describe.each([true, false])('type-checking a model (experimentalDecorators: %p)', (legacy) => {
  test('the decorators type-check in this flavour', () => {
    expect(typeErrors(TYPED, legacy)).toEqual([]);
  });
});

describe('class-validator with standard decorators (README)', () => {
  const standard = FLAVOURS.filter((f) => !f.legacy);

  test.each(standard)('$name: its decorators fail when the class is defined', async (flavour) => {
    const js = await flavour.compile(`
      import { IsNotEmpty } from 'class-validator';
      export class Note { @IsNotEmpty() text?: string; }
    `);
    expect(() => run(js)).toThrow(TypeError);
  });

  test.each(standard)(
    '$name: a field decorator on a static member or a method is refused',
    async (flavour) => {
      const compile = (member: string) =>
        flavour.compile(`import { Field } from 'zcrm/decorators';\nexport class Row { ${member} }`);
      await expect(compile("@Field('Code', { type: 'text' }) static code = 'x';").then(run)).rejects.toThrow(
        '@Field on code: static members cannot be record fields',
      );
      await expect(
        compile("@Field('Code', { type: 'text' }) code() { return 1; }").then(run),
      ).rejects.toThrow(
        '@Field on code: only class properties can be record fields, not methods or accessors',
      );
    },
  );

  test.each(standard)('$name: registerDecorator after the class is honoured by save()', async (flavour) => {
    const { Deal } = run(
      await flavour.compile(`
        import { registerDecorator, isNotEmpty } from 'class-validator';
        import { CrmModule, Field } from 'zcrm/decorators';
        import { CrmRecord } from 'zcrm';
        @CrmModule('Deals')
        export class Deal extends CrmRecord {
          @Field('Deal_Name', { type: 'text' }) name?: string;
        }
        registerDecorator({
          name: 'isNotEmpty',
          target: Deal,
          propertyName: 'name',
          options: { message: 'a deal needs a name' },
          validator: { validate: (value: unknown) => isNotEmpty(value) },
        });
      `),
    ) as { Deal: zcrm.ModelConstructor<zcrm.CrmRecord & Record<string, unknown>> };
    const { client, requests } = await cannedClient(() => ({ status: 500 }));
    const deals = zcrm.getRepository(Deal, client);
    await expect(deals.save(deals.create({ name: '' }))).rejects.toThrow(/a deal needs a name/);
    expect(requests).toHaveLength(0);
  });
});
