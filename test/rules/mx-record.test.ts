// The rules about one MX record: preference, exchange syntax, lengths, doubled zone names, addresses.
import { addressInvalid } from '../../lib/rules/address-invalid';
import { dnsLabelLength } from '../../lib/rules/dns-label-length';
import { dnsNameLength } from '../../lib/rules/dns-name-length';
import { mxPriorityRange } from '../../lib/rules/mx-priority-range';
import { mxTargetEmpty } from '../../lib/rules/mx-target-empty';
import { mxTargetIp } from '../../lib/rules/mx-target-ip';
import { mxTargetSyntax } from '../../lib/rules/mx-target-syntax';
import { nameRepeatsZone } from '../../lib/rules/name-repeats-zone';
import { describeRule } from './cases';

const long = 'a'.repeat(64);

describeRule(mxPriorityRange, {
  fires: [
    { label: 'negative', records: [['@', 'MX', 'mx.example.net', -1]], message: /-1/ },
    { label: 'above 65535', records: [['@', 'MX', 'mx.example.net', 65536]], message: /65535/ },
    { label: 'fractional', records: [['@', 'MX', 'mx.example.net', 1.5]] },
    { label: 'missing', records: [['@', 'MX', 'mx.example.net']], message: /missing/ },
    { label: 'not a number', records: [{ name: '@', type: 'MX', value: 'mx.example.net', priority: 'ten' as unknown as number }], message: /"ten"/ },
  ],
  quiet: [
    { label: '0 and 65535 (RFC 1035 §3.3.9 bounds)', records: [['@', 'MX', 'a.example.net', 0], ['@', 'MX', 'b.example.net', 65535]] },
    { label: 'null MX at 0', records: [['@', 'MX', '.', 0]] },
  ],
});

describeRule(mxTargetEmpty, {
  fires: [
    { label: 'empty exchange', records: [['@', 'MX', '', 10]], count: 1 },
    { label: 'blank exchange', records: [['@', 'MX', '   ', 10]], count: 1 },
  ],
  quiet: [
    { label: 'null MX "." is not empty', records: [['@', 'MX', '.', 0]] },
    { label: 'a host', records: [['@', 'MX', 'mx.example.net', 10]] },
  ],
});

describeRule(mxTargetIp, {
  fires: [
    { label: 'IPv4 literal', records: [['@', 'MX', '192.0.2.1', 10]], message: /IP address/ },
    { label: 'IPv6 literal', records: [['@', 'MX', '2001:db8::1', 10]] },
    { label: 'bracketed IPv6', records: [['@', 'MX', '[2001:db8::1]', 10]] },
    { label: 'IPv4 with trailing dot', records: [['@', 'MX', '192.0.2.1.', 10]] },
  ],
  quiet: [
    { label: 'a host name with digits', records: [['@', 'MX', 'mx1.192-0-2-1.example.net', 10]] },
    { label: 'an IP in an A record is fine', records: [['mail', 'A', '192.0.2.1']] },
  ],
});

describeRule(mxTargetSyntax, {
  fires: [
    { label: 'underscore', records: [['@', 'MX', 'mail_server.example.com', 10]], message: /"_"/ },
    { label: 'wildcard', records: [['@', 'MX', '*.example.com', 10]] },
    { label: 'space', records: [['@', 'MX', 'mail example.com', 10]] },
    { label: 'priority written into the value', records: [['@', 'MX', '10 mail.example.com']], message: /priority exchange/ },
    { label: 'empty label', records: [['@', 'MX', 'mail..example.com', 10]], message: /empty label/ },
    { label: 'hyphen-edged label', records: [['@', 'MX', '-mail.example.com', 10]] },
    { label: 'single label (relative name)', records: [['@', 'MX', 'mail', 10]], message: /single label.*mail\.example\.com/ },
    { label: 'all-numeric TLD', records: [['@', 'MX', 'mail.example.123', 10]] },
  ],
  quiet: [
    { label: 'trailing dot', records: [['@', 'MX', 'mail.example.com.', 10]] },
    { label: 'upper case', records: [['@', 'MX', 'MAIL.Example.COM', 10]] },
    { label: 'IDN exchange (UTS-46)', records: [['@', 'MX', 'mail.bücher.example', 10]] },
    { label: 'punycode exchange', records: [['@', 'MX', 'mail.xn--bcher-kva.example', 10]] },
    { label: 'null MX', records: [['@', 'MX', '.', 0]] },
    { label: 'IP is mx-target-ip, not syntax', records: [['@', 'MX', '192.0.2.1', 10]] },
  ],
});

describeRule(dnsLabelLength, {
  fires: [
    { label: '64-octet label in an exchange', records: [['@', 'MX', `${long}.example.net`, 10]] },
    { label: '64-octet label in an owner name', records: [[`${long}`, 'TXT', 'x']], at: `${long}.example.com` },
  ],
  quiet: [{ label: '63-octet labels', records: [['@', 'MX', `${'a'.repeat(63)}.example.net`, 10], [`${'b'.repeat(63)}`, 'A', '192.0.2.1']] }],
});

describeRule(dnsNameLength, {
  fires: [{ label: '254-octet exchange', records: [['@', 'MX', `${Array(5).fill('a'.repeat(49)).join('.')}.example`, 10]] }],
  quiet: [{ label: '253-octet exchange', records: [['@', 'MX', `${Array(5).fill('a'.repeat(49)).join('.')}.exa`, 10]] }],
});

describeRule(nameRepeatsZone, {
  fires: [
    { label: 'exchange written relative in a zone file', records: [['@', 'MX', 'mail.example.com.example.com.', 10]], message: /mail\.example\.com/ },
    { label: 'owner name', records: [['www.example.com.example.com.', 'A', '192.0.2.1']], at: 'www.example.com.example.com' },
    { label: 'CNAME target', records: [['www', 'CNAME', 'web.example.com.example.com']] },
  ],
  quiet: [
    { label: 'a zone name inside another label', records: [['@', 'MX', 'mail.example.com.example.net', 10]] },
    { label: 'the zone name once', records: [['@', 'MX', 'mail.example.com', 10]] },
  ],
});

describeRule(addressInvalid, {
  fires: [
    { label: 'host name in A', records: [['mail', 'A', 'mail.example.net']], message: /not an IPv4/ },
    { label: 'IPv6 in A', records: [['mail', 'A', '2001:db8::1']], message: /use AAAA/ },
    { label: 'IPv4 in AAAA', records: [['mail', 'AAAA', '192.0.2.1']], message: /use A\)/ },
    { label: 'out-of-range octet', records: [['mail', 'A', '192.0.2.256']] },
  ],
  quiet: [{ label: 'valid A and AAAA', records: [['mail', 'A', '192.0.2.1'], ['mail', 'AAAA', '2001:db8::25']] }],
});
