/** Unit and integration suites (Node). The browser suite has its own config: test/e2e/jest.config.js. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { isolatedModules: true, tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx" } },
    ],
  },
  testTimeout: 120000,
};
