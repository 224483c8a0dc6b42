import { GoogleWorkspaceMx, MxInputError } from '../../lib';
import { newStack, synthRecords } from '../helpers';

const mxOf = (records: ReturnType<typeof synthRecords>): Array<[number | undefined, string]> =>
  Object.values(records).filter((r) => r.type === 'MX').map((r) => [r.priority, r.content] as [number | undefined, string]).sort((a, b) => a[0]! - b[0]! || a[1].localeCompare(b[1]));

describe('GoogleWorkspaceMx', () => {
  test('default is the current single MX smtp.google.com at priority 1', () => {
    const stack = newStack();
    new GoogleWorkspaceMx(stack, 'corp-mail', { zoneId: 'z1', domain: 'example.com' });
    const records = synthRecords(stack);
    expect(records).toMatchSnapshot();
    expect(mxOf(records)).toEqual([[1, 'smtp.google.com']]);
    expect(Object.values(records)[0]).toMatchObject({ name: 'example.com', ttl: 3600, zone_id: 'z1' });
  });

  test('legacy variant is the five ASPMX records 1, 5, 5, 10, 10 and never smtp.google.com', () => {
    const stack = newStack();
    new GoogleWorkspaceMx(stack, 'corp-mail', { zoneId: 'z1', domain: 'example.com', variant: 'legacy' });
    expect(mxOf(synthRecords(stack))).toEqual([
      [1, 'aspmx.l.google.com'],
      [5, 'alt1.aspmx.l.google.com'],
      [5, 'alt2.aspmx.l.google.com'],
      [10, 'alt3.aspmx.l.google.com'],
      [10, 'alt4.aspmx.l.google.com'],
    ]);
  });

  test('an unknown variant names the allowed ones', () => {
    expect(() => new GoogleWorkspaceMx(newStack(), 'g', { zoneId: 'z', domain: 'example.com', variant: 'old' as 'legacy' }))
      .toThrow(new MxInputError('variant', 'Google Workspace has no variant "old"; use one of: current, legacy. (GoogleWorkspaceMx at stack/g)'));
  });

  test('publishes at a subdomain with its own TTL', () => {
    const stack = newStack();
    new GoogleWorkspaceMx(stack, 'g', { zoneId: 'z', domain: 'example.com', name: 'team', ttl: 300 });
    expect(Object.values(synthRecords(stack))).toEqual([expect.objectContaining({ name: 'team.example.com', ttl: 300, content: 'smtp.google.com' })]);
  });
});
