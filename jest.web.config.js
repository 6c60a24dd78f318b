const base = require('./jest.base.config');
// Browser tests: the real API (real Postgres and Redis) serving the built web app, driven by
// Debian's Chromium through playwright-core. `npm run test:web` builds the web app first.
module.exports = {
  ...base,
  displayName: 'web',
  testMatch: ['<rootDir>/test/web/**/*.web-spec.ts'],
  globalSetup: '<rootDir>/test/web/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
  testTimeout: 120000,
};
