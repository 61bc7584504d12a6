/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.[jt]s$': '<rootDir>/test/jest-esbuild-transform.js' },
  // ESM-only packages are transformed; everything else in node_modules is left alone.
  transformIgnorePatterns: [
    'node_modules/(?!(@middy|@octokit|universal-user-agent|before-after-hook|fast-content-type-parse|content-type|json-with-bigint|toad-cache|aws-local-stepfunctions)/)',
  ],
  setupFiles: ['<rootDir>/test/setup-env.js'],
  testSequencer: '<rootDir>/test/jest-sequencer.js',
  testTimeout: 120000,
};
