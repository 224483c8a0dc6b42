import { MxRecords, NullMx } from '../../lib';
import { newStack, synthRecords } from '../helpers';

const zoneId = 'zone-parked';

describe('NullMx', () => {
  test('publishes exactly MX 0 . plus v=spf1 -all and DMARC p=reject', () => {
    const stack = newStack();
    const nullMx = new NullMx(stack, 'parked', { zoneId, domain: 'parked.example' });
    const records = synthRecords(stack);
    expect(records).toMatchSnapshot();
    const mx = Object.values(records).filter((r) => r.type === 'MX');
    expect(mx).toEqual([expect.objectContaining({ name: 'parked.example', content: '.', priority: 0 })]);
    const txt = Object.values(records).filter((r) => r.type === 'TXT').map((r) => `${r.name} ${r.content}`).sort();
    expect(txt).toEqual(['_dmarc.parked.example "v=DMARC1; p=reject;"', 'parked.example "v=spf1 -all"']);
    expect(nullMx.records).toHaveLength(3);
  });

  test('priority 0 is set explicitly in the output (the provider needs it)', () => {
    const stack = newStack();
    new NullMx(stack, 'parked', { zoneId, domain: 'parked.example' });
    const mx = Object.values(synthRecords(stack)).find((r) => r.type === 'MX')!;
    expect(Object.prototype.hasOwnProperty.call(mx, 'priority')).toBe(true);
    expect(mx.priority).toBe(0);
  });

  test('SPF and DMARC are opt-out; the MX is not', () => {
    const stack = newStack();
    new NullMx(stack, 'parked', { zoneId, domain: 'parked.example', name: 'noreply', spf: false, dmarc: false });
    expect(Object.values(synthRecords(stack))).toEqual([expect.objectContaining({ name: 'noreply.parked.example', type: 'MX', content: '.', priority: 0 })]);
  });

  test('a null MX beside another MX at the same name fails synth (RFC 7505 §3)', () => {
    const stack = newStack();
    new NullMx(stack, 'parked', { zoneId, domain: 'parked.example' });
    new MxRecords(stack, 'oops', { zoneId, domain: 'parked.example', records: [{ priority: 10, exchange: 'mx.example.net' }] });
    expect(() => synthRecords(stack)).toThrow('[null-mx-alone] parked.example.');
  });
});
