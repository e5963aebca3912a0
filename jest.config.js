/** Units (`*.test.ts`) and end-to-end runs of real servers through the gateway (`*.e2e.ts`), on one real database. */
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023', parser: { syntax: 'typescript' } } }],
  // jose 6 ships ES modules only; jest's module system needs them as CommonJS.
  '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }],
};
// build/ holds the compiled image tree (npm run build), a second copy of every workspace package.
const common = {
  transform,
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  modulePathIgnorePatterns: ['<rootDir>/build/'],
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/support/env.ts'],
};

module.exports = {
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{kit,gateway,subgraphs,tests,scripts}/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/{tests,gateway,subgraphs}/**/*.e2e.ts'] },
  ],
};
