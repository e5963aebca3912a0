/** Units (`*.test.ts`) and end-to-end runs of real servers through the gateway (`*.e2e.ts`), on one real database. */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023', parser: { syntax: 'typescript' } } }] };
const common = { transform, testEnvironment: 'node', setupFiles: ['<rootDir>/tests/support/env.ts'] };

module.exports = {
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{kit,gateway,subgraphs,tests,scripts}/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/{tests,gateway,subgraphs}/**/*.e2e.ts'] },
  ],
};
