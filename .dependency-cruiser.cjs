/**
 * The dependency rule of README.md "Architecture", checked by `npm run deps` (part of `npm test`).
 * Layers, inside out: shared/domain → shared/ports → shared/use-cases → shared/adapters → shared/wiring
 * → functions. A layer imports only the layers inside it (npm packages are not layers: the purity test
 * in test/unit/architecture keeps the AWS SDK and the wall clock out of the domain).
 */
const PROJECT = '^(shared|functions|infra|bench|scripts|test|bin)/';

/** `from` may import nothing of the project but `allowed` (a regex on the imported path). */
function only(name, comment, from, allowed) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: PROJECT, pathNot: allowed },
  };
}

module.exports = {
  forbidden: [
    only(
      'domain-imports-only-domain',
      'The rules import nothing outside shared/domain: no port, use case, adapter, wiring or configuration.',
      '^shared/domain/',
      '^shared/domain/',
    ),
    only(
      'ports-import-only-domain',
      'A port is an interface over domain types.',
      '^shared/ports/',
      '^shared/(domain|ports)/',
    ),
    only(
      'use-cases-import-domain-and-ports',
      'A use case reaches the world through ports only, never through an adapter or the wiring.',
      '^shared/use-cases/',
      '^shared/(domain|ports|use-cases)/',
    ),
    only(
      'adapters-import-domain-and-ports',
      'An adapter implements a port; it does not call use cases or other wiring.',
      '^shared/adapters/',
      '^shared/(domain|ports|adapters)/',
    ),
    only(
      'wiring-imports-shared-only',
      'The wiring builds adapters and hands them to use cases; it knows nothing of functions, infra or tests.',
      '^shared/(wiring/|config\\.ts|agent-config\\.ts)',
      '^shared/',
    ),
    only(
      'functions-build-nothing',
      'Handlers and CLI commands get their adapters from shared/wiring; they never import an adapter.',
      '^functions/',
      '^(shared/(domain|ports|use-cases|wiring)/|shared/(config|agent-config)\\.ts|functions/)',
    ),
    {
      name: 'no-cycles',
      comment: 'No import cycle, type-only imports included (tsPreCompilationDeps).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'production-never-imports-tests',
      severity: 'error',
      from: { path: '^(shared|functions|infra)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^cdk\\.out/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
