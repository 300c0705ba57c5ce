import { dashboardsBench } from './dashboards.bench';
import { eventStoreBench } from './event-store.bench';
import { hostileInputBench } from './hostile-input.bench';
import { httpBench } from './http.bench';
import { readModelsBench } from './read-models.bench';
import { webhooksBench } from './webhooks.bench';

/** `npm run bench [-- name]`: speed and memory targets are checked here, never in timed tests. */
const benches: Record<string, () => Promise<boolean>> = {
  'event-store': eventStoreBench,
  'read-models': readModelsBench,
  dashboards: dashboardsBench,
  'hostile-input': hostileInputBench,
  http: httpBench,
  webhooks: webhooksBench,
};

const main = async () => {
  const only = process.argv[2];
  const chosen = only ? { [only]: benches[only] } : benches;
  if (only && !benches[only]) throw new Error(`no bench "${only}"; there are: ${Object.keys(benches).join(', ')}`);
  let ok = true;
  for (const [name, run] of Object.entries(chosen)) {
    console.log(`\n# ${name} (node ${process.version}, ${new Date().toISOString()})`);
    ok = (await run()) && ok;
  }
  console.log(ok ? '\nall targets met' : '\nSOME TARGETS MISSED');
  process.exitCode = ok ? 0 : 1;
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
