// Runs the Store contract on D1, through Miniflare's local D1 (the same SQLite engine workerd uses).
import { Miniflare } from 'miniflare';
import { createD1Driver } from '../../src/store/drivers/d1.js';
import { describeStoreContract } from '../support/store-contract.js';

let counter = 0;

describeStoreContract('D1 (Miniflare)', async () => {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("ok") } }',
    d1Databases: { DB: `contract-${process.pid}-${counter++}` },
  });
  const db = (await mf.getD1Database('DB')) as unknown as D1Database;
  return { driver: createD1Driver(db), dispose: () => mf.dispose() };
});
