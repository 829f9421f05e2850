import 'reflect-metadata';
import { Lead } from '../../bench/support/bench-models';
import { prepareWrite } from '../../src/orm/write/prepare-write';
import { getMapping } from '../../src/orm/mapping/model-mapping';
(async () => {
  const m = getMapping(Lead);
  const records = Array.from({ length: 30000 }, (_, i) => Lead.create({ lastName: `ORM ${i}`, company: 'Zylker', email: `orm${i}@zylker.com` }));
  const t = performance.now();
  for (const r of records) await prepareWrite(r, m, 'save');
  console.log('prepare 3000', performance.now() - t);
})();
