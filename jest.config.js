/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["@swc/jest"] },
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/data/"],
  setupFiles: ["reflect-metadata"],
  // The console's tests need its build; made once here, not in each file.
  globalSetup: "<rootDir>/test/support/console-build.ts",
  testTimeout: 60000,
  // Watchman is not on this machine; probing for it stalls runs.
  watchman: false,
};
