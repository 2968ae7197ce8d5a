/**
 * Tests against the local Konnect stand-in (test/stand-ins/konnect): each gets its own stand-in (options
 * through `test.use({ standInOptions })`), an app whose host is pointed at it through KONNECT_BASE_URL, as a
 * developer would point the app at a proxy, and the Konnect dialog's page object.
 */
import { startKonnectStandIn, type KonnectStandIn, type StandInOptions } from '../stand-ins/konnect/server';
import { test as base } from './fixtures';
import { KonnectDialog } from './pages/konnect-dialog';

export const test = base.extend<{ standInOptions: StandInOptions; standIn: KonnectStandIn; konnect: KonnectDialog }>({
  standInOptions: [{ traceIntervalMs: 300 }, { option: true }],
  standIn: async ({ standInOptions }, use) => {
    const standIn = await startKonnectStandIn(standInOptions);
    await use(standIn);
    await standIn.close();
  },
  app: async ({ launch, standIn }, use) => {
    const { app } = await launch({ env: { KONNECT_BASE_URL: standIn.url } });
    await use(app);
  },
  konnect: async ({ app }, use) => use(new KonnectDialog(app.page)),
});
