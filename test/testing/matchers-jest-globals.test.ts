// The matchers through `import { expect } from '@jest/globals'`, not the global `expect`:
// `tsc --noEmit` (npm test) fails with TS2339 here unless lib/testing/jest.ts declares them
// on the `expect` package's Matchers interface too.
import { expect, test } from '@jest/globals';
import { NullMx, setupMxJest } from '../../lib';
import { newStack } from '../helpers';

setupMxJest();

test('toPublishMx and toHaveNoFindings type-check and run on @jest/globals expect', () => {
  const stack = newStack();
  new NullMx(stack, 'parked', { zoneId: 'z1', domain: 'parked.example' });
  expect(stack).toPublishMx('parked.example', [{ priority: 0, exchange: '.' }]);
  expect(stack).not.toPublishMx('parked.example', [{ priority: 10, exchange: 'mx.example.net' }]);
  expect(stack).toHaveNoFindings({ severity: 'warning' });
});
