#!/usr/bin/env node
/**
 * `npm test`: runs Jest (extra arguments pass through) and ends with the plain line CI counts:
 * `N passed, N failed, N skipped`, read from Jest's JSON results.
 */
const { spawnSync } = require('node:child_process');
const { readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const out = join(__dirname, '..', '.jest-results.json');
rmSync(out, { force: true });
const jest = require.resolve('jest/bin/jest');
// A hung run (an open handle) fails after 20 minutes instead of eating CI's 90.
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${out}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  timeout: 20 * 60 * 1000,
});
if (run.error) process.stderr.write(`jest did not finish: ${run.error.message}\n`);

let summary;
try {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  const brokenSuites = r.numRuntimeErrorTestSuites;
  summary = `${r.numPassedTests} passed, ${r.numFailedTests + brokenSuites} failed, ${skipped} skipped`;
  if (brokenSuites > 0) process.stderr.write(`${brokenSuites} test suite(s) failed to run\n`);
} catch (e) {
  summary = '0 passed, 1 failed';
  process.stderr.write(`no Jest results could be read from ${out}: ${e.message}\n`);
}
process.stdout.write(`\n${summary}\n`);
process.exit(run.status ?? 1);
