/** Tests run through @swc/jest (fast, no type-check); `tsc --noEmit` type-checks once in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The pipeline recipe against BIND (cdktf synth three times, ~35 s): `npm run test:pipeline`, run by .ci/run.
  testPathIgnorePatterns: process.env.CDKTF_MX_PIPELINE_TEST === '1' ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/test/pipeline/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  // Installs missing Terraform providers (npm run providers) or says in one line why deploy tests skip.
  globalSetup: '<rootDir>/test/providers-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testTimeout: 60000,
};
