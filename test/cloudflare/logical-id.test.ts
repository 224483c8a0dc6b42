import { recordLogicalId } from '../../lib/cloudflare/logical-id';

describe('recordLogicalId', () => {
  test('readable for host names: type, name and identity joined by __', () => {
    expect(recordLogicalId('MX', 'example.com', 'smtp.google.com')).toBe('mx__example_com__smtp_google_com');
    expect(recordLogicalId('MX', 'a-b.example', 'mx-1.example.net')).toBe('mx__a-b_example__mx-1_example_net');
  });

  test('stable: depends on content only, not on case', () => {
    expect(recordLogicalId('MX', 'Example.com', 'SMTP.google.com')).toBe(recordLogicalId('MX', 'example.com', 'smtp.google.com'));
  });

  test('names that would collide once dots become underscores get a hash', () => {
    const a = recordLogicalId('TXT', '_dmarc.example.com', 'dmarc');
    const b = recordLogicalId('TXT', '_dmarc_example.com', 'dmarc');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^txt__dmarc_example_com__dmarc_[0-9a-f]{8}$/);
  });

  test('valid Terraform names: letters, digits, _ and -, starting with a letter', () => {
    for (const id of [recordLogicalId('MX', 'xn--bcher-kva.example', '.'), recordLogicalId('TXT', '*.example.com', 'spf'), recordLogicalId('MX', 'x'.repeat(300), 'y')]) {
      expect(id).toMatch(/^[a-z][a-z0-9_-]*$/);
      expect(id.length).toBeLessThanOrEqual(210);
    }
  });
});
