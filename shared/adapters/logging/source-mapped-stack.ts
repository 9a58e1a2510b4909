import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Rewrites the frames of a stack trace that point into the bundle so that they name the sources. */
export type StackMapper = (stack: string) => string;

/**
 * Stack traces mapped to the TypeScript sources without `--enable-source-maps`. That flag makes Node
 * read and parse the bundle's source map at every cold start (about a tenth of the intake's module
 * load) for the rare error that needs it. Here the map (`index.mjs.map`, shipped beside the bundle) is
 * read and parsed the first time a stack is mapped, then kept for the life of the process; a process
 * that logs no error never reads it. Without a map (tests, `tsx`: the code runs from its sources) or
 * with one that cannot be read, stacks are returned as they are. Never throws: a logger must log.
 */
export function createStackMapper(bundleUrl: string): StackMapper {
  let mapper: StackMapper | undefined;
  return (stack) => {
    mapper ??= loadMapper(bundleUrl);
    try {
      return mapper(stack);
    } catch {
      return stack;
    }
  };
}

const unchanged: StackMapper = (stack) => stack;

function loadMapper(bundleUrl: string): StackMapper {
  if (!bundleUrl.startsWith('file:')) return unchanged;
  const bundlePath = fileURLToPath(bundleUrl);
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${bundlePath}.map`, 'utf8')) as SourceMapPayload);
  } catch {
    return unchanged;
  }
  const sources = map.payload.sources ?? [];
  const prefix = commonDirectory(sources);
  // V8 prints an ES module's frames with its URL, a CommonJS one's with its path: both are matched.
  const location = new RegExp(`(?:${escapeRegex(bundleUrl)}|${escapeRegex(bundlePath)}):(\\d+):(\\d+)`, 'g');
  return (stack) =>
    stack.replace(location, (whole, line: string, column: string) => {
      const origin = map.findOrigin(Number(line), Number(column));
      if (!('fileName' in origin)) return whole;
      return `${origin.fileName.slice(prefix.length)}:${origin.lineNumber}:${origin.columnNumber}`;
    });
}

/**
 * The directory every source shares. esbuild writes sources relative to the bundle's folder
 * (`../../work/repo/functions/intake/handler.ts`, `../../work/repo/node_modules/…` in a CDK asset):
 * without that prefix a frame names `functions/intake/handler.ts` or `node_modules/mailparser/…`.
 */
export function commonDirectory(sources: readonly string[]): string {
  const [first, ...rest] = sources;
  if (first === undefined) return '';
  let prefix = first.slice(0, first.lastIndexOf('/') + 1);
  for (const source of rest) {
    while (prefix && !source.startsWith(prefix))
      prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  }
  return prefix;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A copy of the error whose stack (and its causes' stacks) are mapped: the logged error names the
 * sources while the error itself, which the caller may still rethrow, is left as it was.
 */
export function withMappedStack<E extends Error>(error: E, mapStack: StackMapper, depth = 0): E {
  try {
    return mappedCopy(error, mapStack, depth);
  } catch {
    // A frozen or exotic error (a non-configurable stack): logged as it is rather than not at all.
    return error;
  }
}

function mappedCopy<E extends Error>(error: E, mapStack: StackMapper, depth: number): E {
  const copy = Object.create(Object.getPrototypeOf(error)) as E;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(error));
  if (typeof error.stack === 'string')
    Object.defineProperty(copy, 'stack', {
      value: mapStack(error.stack),
      writable: true,
      enumerable: false,
      configurable: true,
    });
  const cause: unknown = error.cause;
  if (cause instanceof Error && depth < 8) {
    const descriptor = Object.getOwnPropertyDescriptor(error, 'cause');
    Object.defineProperty(copy, 'cause', {
      value: withMappedStack(cause, mapStack, depth + 1),
      writable: true,
      enumerable: descriptor?.enumerable ?? false,
      configurable: true,
    });
  }
  return copy;
}
