import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rules depend on wall-clock zones: pin TZ so a developer's machine cannot change a result.
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    // Set-ups start DynamoDB Local, the S3 and SES emulators: a JVM may need 90 s on a loaded machine.
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
