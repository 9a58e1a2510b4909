import * as z from 'zod';

/**
 * Imported first by the intake's Lambda handler, before any module builds a schema (zod reads the
 * setting when an object schema is built). zod then parses by walking each schema instead of
 * generating an object parser with `new Function` at its first parse. The results are the same; at a
 * cold start, where most schemas parse once or a few times (the environment, the service-desk
 * configuration, the first event), generating and compiling those parsers costs more than it saves
 * (the intake's module load 4–17 % shorter in alternate loads on a busy machine: docs/performance.md,
 * item 8). No code is generated at run time either.
 */
z.config({ jitless: true });
