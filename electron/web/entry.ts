import { runWeb } from './main';

declare const __KTV_VERSION__: string;

runWeb(process.argv.slice(2), __KTV_VERSION__).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`ktv web: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
