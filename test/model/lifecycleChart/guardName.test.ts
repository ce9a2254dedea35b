import { and, not, or, stateIn } from 'xstate';
import { expect, it } from 'vitest';
import { guardName } from '../../../src/model/lifecycleChart/guardName';

it('names guards as written', () => {
  expect(guardName(undefined)).toBeNull();
  expect(guardName('isForced')).toBe('isForced');
  expect(guardName({ type: 'isForced', params: { x: 1 } })).toBe('isForced');
  expect(guardName(and(['validExitCode', 'policyRestarts']))).toBe('validExitCode && policyRestarts');
  expect(guardName(or(['a', and(['b', 'c'])]))).toBe('a || (b && c)');
  expect(guardName(not('isForced'))).toBe('!isForced');
  expect(guardName(stateIn('#container.paused'))).toBe('in(#container.paused)');
});
