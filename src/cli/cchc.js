#!/usr/bin/env node
/* global console, process, require */
// The `cchc` command runs the TypeScript sources directly (tsx), so `npx cchc` works right after `npm ci`.
require("tsx/cjs/api").register();
const { main } = require("./main.ts");
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`Lỗi không mong đợi: ${err && err.stack ? err.stack : err}`);
    process.exitCode = 2;
  },
);
