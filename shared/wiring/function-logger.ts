import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import { createStackMapper, withMappedStack } from '../adapters/logging/source-mapped-stack';

/**
 * The Powertools logger of every Lambda function, whose logged errors name the TypeScript sources.
 * The functions run without `--enable-source-maps` (a map read and parsed at each cold start): an
 * error's stack is mapped when it is logged, with the map beside the bundle read at the first one
 * (`shared/adapters/logging/source-mapped-stack.ts`; docs/performance.md, item 9).
 */
export function createFunctionLogger(options: { serviceName: string; logLevel: LogLevel }): Logger {
  // Bundled, every module of a function is `index.mjs`: this URL is the bundle's, beside its map.
  const mapStack = createStackMapper(import.meta.url);
  return new Logger({
    ...options,
    jsonReplacerFn: (_key, value) => (value instanceof Error ? withMappedStack(value, mapStack) : value),
  });
}
