import { parseScopeList, scopeCovers, scopesSatisfy, ScopeRequirement } from '../../src/emulator/crm/scopes';

const leadsRead: ScopeRequirement = { group: 'ZohoCRM.modules', resource: 'leads', operation: 'READ' };
const leadsCreate: ScopeRequirement = { group: 'ZohoCRM.modules', resource: 'leads', operation: 'CREATE' };
const contactsRead: ScopeRequirement = { group: 'ZohoCRM.modules', resource: 'contacts', operation: 'READ' };
const coql: ScopeRequirement = { group: 'ZohoCRM.coql', operation: 'READ' };

describe('scopeCovers', () => {
  it('matches a module scope on resource and operation, case-insensitively', () => {
    expect(scopeCovers('ZohoCRM.modules.leads.READ', leadsRead)).toBe(true);
    expect(scopeCovers('zohocrm.MODULES.Leads.read', leadsRead)).toBe(true);
    expect(scopeCovers('ZohoCRM.modules.leads.READ', contactsRead)).toBe(false);
    expect(scopeCovers('ZohoCRM.modules.leads.READ', leadsCreate)).toBe(false);
  });

  it('lets ALL cover every operation and WRITE cover create, update and delete but not read', () => {
    for (const operation of ['READ', 'CREATE', 'UPDATE', 'DELETE'] as const) {
      expect(scopeCovers('ZohoCRM.modules.leads.ALL', { ...leadsRead, operation })).toBe(true);
      expect(scopeCovers('ZohoCRM.modules.ALL', { ...contactsRead, operation })).toBe(true);
      expect(scopeCovers('ZohoCRM.modules.leads.WRITE', { ...leadsRead, operation })).toBe(
        operation !== 'READ',
      );
    }
  });

  it('lets a group-wide grant cover every resource of that group only', () => {
    expect(scopeCovers('ZohoCRM.modules.READ', contactsRead)).toBe(true);
    expect(
      scopeCovers('ZohoCRM.settings.ALL', {
        group: 'ZohoCRM.settings',
        resource: 'fields',
        operation: 'READ',
      }),
    ).toBe(true);
    expect(scopeCovers('ZohoCRM.settings.ALL', leadsRead)).toBe(false);
    expect(scopeCovers('ZohoCRM.modules.ALL', coql)).toBe(false);
  });

  it('covers a resource-less requirement only with a group scope', () => {
    expect(scopeCovers('ZohoCRM.coql.READ', coql)).toBe(true);
    expect(scopeCovers('ZohoCRM.coql.leads.READ', coql)).toBe(false);
    expect(scopeCovers('ZohoCRM.coql', coql)).toBe(false);
  });

  it('does not let a longer group name pass for a shorter one', () => {
    expect(scopeCovers('ZohoCRM.modulesx.ALL', leadsRead)).toBe(false);
    expect(scopeCovers('ZohoCRM.modules.leads.extra.READ', leadsRead)).toBe(false);
    expect(scopeCovers('', leadsRead)).toBe(false);
  });
});

describe('scopesSatisfy', () => {
  it('needs every requirement covered by some granted scope', () => {
    const search = [leadsRead, { group: 'ZohoSearch.securesearch', operation: 'READ' } as ScopeRequirement];
    expect(scopesSatisfy(['ZohoCRM.modules.leads.READ'], search)).toBe(false);
    expect(scopesSatisfy(['ZohoCRM.modules.leads.READ', 'ZohoSearch.securesearch.READ'], search)).toBe(true);
    expect(scopesSatisfy([], [])).toBe(true);
  });
});

describe('parseScopeList', () => {
  it('splits on commas and whitespace, dropping empty entries', () => {
    expect(parseScopeList(' ZohoCRM.modules.ALL, ZohoCRM.settings.ALL,,AaaServer.profile.READ ')).toEqual([
      'ZohoCRM.modules.ALL',
      'ZohoCRM.settings.ALL',
      'AaaServer.profile.READ',
    ]);
    expect(parseScopeList('a b\tc')).toEqual(['a', 'b', 'c']);
    expect(parseScopeList(' , ')).toEqual([]);
  });
});
