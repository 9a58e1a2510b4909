import { main } from './main';

/** `npm run eval -- DIR [flags]`: the same as `exo-intake eval DIR [flags]`. */
process.exitCode = await main(['eval', ...process.argv.slice(2)]);
