import { it } from 'vitest';
import { startTestApp } from '../../tests/helpers/test-app.ts';
it('probe', async () => {
  const app = await startTestApp();
  for (const p of ['/api/tv/1396', '/api/tv/popular?limit=3', '/api/people/287', '/api/search?q=matrix&limit=5', '/api/search?q=godfater&limit=3', '/api/search?q=amelie&limit=3', '/api/search?q=matrix%201999&limit=5','/api/search?q=brad%20pitt&type=person&limit=2']) {
    const r = await app.get(p);
    process.stdout.write(`${p} ${r.status} ${(await r.text()).slice(0, 700)}\n\n`);
  }
  await app.close();
});
