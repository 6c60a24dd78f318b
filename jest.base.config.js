// Shared Jest settings: ts-jest compiles to CommonJS; Node 24 with
// --experimental-vm-modules lets Jest require() the ES-module Nest 12 packages.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@app/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
};
