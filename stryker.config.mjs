// Mutation testing (npm run test:mutation; not part of npm test): Stryker changes one thing at a time in
// the files below and reruns the tests that cover it; a mutant no test notices is a test to write.

/**
 * The files mutated: the rules every button and gate rests on (the flow, the plan rule, access, the
 * return markers) and the React adapters over them. Pass others for one run:
 * `npm run test:mutation -- --mutate 'src/core/flow/*.ts'`.
 */
const mutate = [
  'src/core/flow/*.ts',
  'src/core/plans.ts',
  'src/core/access.ts',
  'src/core/markers.ts',
  'src/react/useFlowAction.ts',
  'src/react/useCheckout.ts',
  'src/react/usePortal.ts',
  'src/react/usePlanAction.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate,
  testRunner: 'vitest',
  // Only the node and dom projects: see vitest.stryker.config.ts.
  vitest: { configFile: 'vitest.stryker.config.ts' },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Reruns only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
