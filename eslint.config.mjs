// ESLint (flat config) with typescript-eslint. Type-aware where a mistake is silent at run time: a promise nobody
// awaits loses its error (and, in a resolver, the write it stood for), a promise where a callback expects a value
// is always truthy, and `any` switches the type checker off. The rest is typescript-eslint's `recommended` set.
//
// Not the whole `recommended-type-checked` set: its no-unsafe-* rules report every use of a value that is `any` at
// the source — mongoose's lean documents, JSON.parse, GraphQL response bodies in tests — thousands of reports that
// say again what no-explicit-any already forbids where we write the type ourselves.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folder names under subgraphs/: a department may import only the kit and itself. */
const departmentImports = [
  {
    group: ['**/subgraphs/*', '**/subgraphs/*/**', '@cg/*', '!@cg/kit', '!@cg/kit/testing'],
    message: 'A department imports only the kit (@cg/kit) and its own files: departments talk over GraphQL, never by import.',
  },
  { group: ['**/gateway/**', '@cg/gateway', '@cg/gateway/*'], message: 'A department never imports the gateway.' },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/', 'build/', 'coverage/', '.data/', 'subgraphs/*/src/generated/', 'console/src/gql/', 'bench/results/', 'console/dist/', 'templates/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['codegen.ts'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // tsc's noUnusedLocals/noUnusedParameters already report these (with the `_` convention for parameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // `require.main === module` and lazy requires of optional tools are CommonJS on purpose.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // A relative path that climbs out of the department's folder reaches another department or the root: how far is
  // "out" depends on how deep the importing file sits, hence one block per depth.
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`subgraphs/*/{src,test}/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...departmentImports, { regex: `^(\\.\\./){${depth + 2},}`, message: 'A relative import never leaves its department folder.' }] },
      ],
    },
  })),
  {
    // The gateway knows departments by name and URL (registry, supergraph), never by their code.
    files: ['gateway/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/subgraphs/**', '@cg/*', '!@cg/kit'], message: 'The gateway imports the kit, never a department.' }] }],
    },
  },
  {
    // The kit is the bottom layer; only its testing entry point (test code) starts the gateway.
    files: ['kit/src/**/*.ts'],
    ignores: ['kit/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/subgraphs/**', '**/gateway/**', '**/scripts/**', '@cg/*'], message: 'The kit imports no department, no gateway and no script.' }] },
      ],
    },
  },
  {
    // Cross-department tests reach other folders through their packages' declared entry points (package.json
    // `exports`), never their internals by a relative path: a department's internals are for its own tests.
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/subgraphs/**', '../gateway/**', '../kit/**'], message: 'A test in tests/ imports another folder by its package (@cg/…), not by a relative path.' },
          ],
        },
      ],
    },
  },
  {
    // Test code reads GraphQL responses, JSON shaped by the query text: typing each body would repeat the query, and
    // the assertions check the shape at run time anyway.
    files: ['**/*.test.ts', '**/*.e2e.ts', 'tests/**/*.ts', 'subgraphs/*/test/**/*.ts', 'kit/src/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // GraphiQL's browser entry, bundled by esbuild.
    files: ['gateway/graphiql/*.js'],
    languageOptions: { sourceType: 'module', globals: { document: 'readonly', fetch: 'readonly' } },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
