import { startTestEmulator } from '../support/emulator';
(async () => {
  const { emulator, client } = await startTestEmulator({ demoData: false });
  await client.admin('PUT', 'limits', { creditsPerDay: 10000000 });
  for (let k = 0; k < 30; k++) {
    const data = Array.from({ length: 100 }, (_, i) => ({ Last_Name: `L ${k} ${i}`, Company: 'Zylker' }));
    const t = performance.now();
    const r = await client.post('/crm/v2/Leads', { data });
    if (k % 5 === 0) console.log(k, r.status, (performance.now() - t).toFixed(1));
  }
  await emulator.stop();
})();
