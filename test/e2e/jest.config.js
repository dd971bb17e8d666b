/**
 * End-to-end tests: the built task pane (dist/harness.html, the pane over an in-page fake of Excel)
 * driven by Debian's chromium through playwright-core. Run with `npm run test:e2e`.
 * global-setup builds dist/ once if it is missing; CHROMIUM_PATH overrides /usr/bin/chromium.
 */
const path = require("node:path");

/** @type {import("jest").Config} */
module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  roots: ["<rootDir>/test/e2e"],
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx" },
      },
    ],
  },
  globalSetup: "<rootDir>/test/e2e/global-setup.ts",
  testTimeout: 180000,
  // Each file starts its own browser; one at a time keeps the screenshots' timings honest on small CI boxes.
  maxWorkers: 1,
};
