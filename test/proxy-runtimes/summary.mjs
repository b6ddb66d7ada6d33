// A node:test reporter that adds one closing line, `Proxy tests: N passed, N failed`, counting
// tests (not the suites around them); a file that failed to load counts as a failure.
export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details, nesting } = event.data;
    const isSuite = details?.type === 'suite';
    if (event.type === 'test:pass' && !isSuite) passed++;
    if (event.type === 'test:fail' && (!isSuite || nesting === 0 && details?.error?.failureType !== 'subtestsFailed')) failed++;
  }
  yield `\nProxy tests: ${passed} passed, ${failed} failed\n`;
}
