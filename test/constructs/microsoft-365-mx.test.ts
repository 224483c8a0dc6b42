import { Microsoft365Mx, MxInputError } from '../../lib';
import { newStack, synthRecords } from '../helpers';

describe('Microsoft365Mx', () => {
  test.each([
    'contoso-com.mail.protection.outlook.com',
    'guentransporte-de01b.mail.protection.outlook.com',
    'contosotest-com.o-v1.mx.microsoft',
    'Contoso-Com.Mail.Protection.Outlook.Com.',
  ])('publishes one MX at priority 0 to %s', (exchange) => {
    const stack = newStack();
    new Microsoft365Mx(stack, 'm365', { zoneId: 'z', domain: 'contoso.com', exchange });
    const records = Object.values(synthRecords(stack));
    expect(records).toEqual([expect.objectContaining({ name: 'contoso.com', type: 'MX', priority: 0, content: exchange.toLowerCase().replace(/\.$/, '') })]);
  });

  test('snapshot', () => {
    const stack = newStack();
    new Microsoft365Mx(stack, 'm365', { zoneId: 'z', domain: 'contoso.com', exchange: 'contoso-com.mail.protection.outlook.com' });
    expect(synthRecords(stack)).toMatchSnapshot();
  });

  test('the exchange is required: it comes from the admin centre and cannot be derived', () => {
    expect(() => new Microsoft365Mx(newStack(), 'm365', { zoneId: 'z', domain: 'contoso.com' } as never))
      .toThrow(/^exchange: Microsoft 365 needs "exchange": The tenant's MX host from the Microsoft 365 admin centre .*\(Microsoft365Mx at stack\/m365\)$/);
  });

  test('a host outside Microsoft\'s suffixes is rejected unless allowCustomHost is set', () => {
    const build = (allowCustomHost?: boolean) => () =>
      new Microsoft365Mx(newStack(), 'm365', { zoneId: 'z', domain: 'contoso.com', exchange: 'mail.contoso.com', allowCustomHost });
    expect(build()).toThrow(MxInputError);
    expect(build()).toThrow('"mail.contoso.com" is not a Microsoft 365 host: it must end with .mail.protection.outlook.com or .mx.microsoft');
    expect(build(true)).not.toThrow();
  });

  test('a host that is not a host name is rejected even with allowCustomHost', () => {
    expect(() => new Microsoft365Mx(newStack(), 'm365', { zoneId: 'z', domain: 'contoso.com', exchange: '192.0.2.1', allowCustomHost: true }))
      .toThrow('exchange: "192.0.2.1" is not a valid host name');
  });
});
