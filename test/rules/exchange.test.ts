// The rules about what the zone answers for an exchange: aliases, addresses, wildcards, CNAME placement.
import { cnameAtApex } from '../../lib/rules/cname-at-apex';
import { cnameCoexists } from '../../lib/rules/cname-coexists';
import { mxTargetCname } from '../../lib/rules/mx-target-cname';
import { mxTargetNoAddress } from '../../lib/rules/mx-target-no-address';
import { mxTargetWildcard } from '../../lib/rules/mx-target-wildcard';
import { describeRule } from './cases';

const mx = (exchange: string, priority = 10) => ['@', 'MX', exchange, priority] as const;

describeRule(mxTargetCname, {
  fires: [
    { label: 'exchange is a CNAME out of the zone', records: [mx('mail.example.com'), ['mail', 'CNAME', 'ghs.example.net']], message: /mail\.example\.com: the exchange is a CNAME → ghs\.example\.net/ },
    { label: 'exchange written with trailing dot and capitals', records: [mx('MAIL.example.com.'), ['mail', 'CNAME', 'host.example.net']], count: 1 },
    { label: 'a CNAME chain inside the zone, shown to its end', records: [mx('mail.example.com'), ['mail', 'CNAME', 'relay.example.com'], ['relay', 'CNAME', 'box.example.com'], ['box', 'A', '192.0.2.1']], message: /→ relay\.example\.com → box\.example\.com.*Point the MX at box\.example\.com/ },
    { label: 'a CNAME loop', records: [mx('a.example.com'), ['a', 'CNAME', 'b.example.com'], ['b', 'CNAME', 'a.example.com']], message: /→ b\.example\.com → a\.example\.com → b\.example\.com; .*The chain loops back to b\.example\.com and never reaches a host.*replace the CNAME at a\.example\.com with A\/AAAA records\.$/ },
    { label: 'a wildcard CNAME covers the exchange', records: [mx('mail.example.com'), ['*', 'CNAME', 'web.example.net']], message: /through the wildcard \*\.example\.com/ },
    { label: 'subdomain MX whose exchange is a CNAME', records: [['eu', 'MX', 'mx.eu.example.com', 10], ['mx.eu', 'CNAME', 'relay.example.net']], at: 'eu.example.com' },
    { label: 'IDN exchange that is a CNAME', zone: 'bücher.example', records: [['@', 'MX', 'mail.bücher.example', 10], ['mail', 'CNAME', 'host.example.net']], count: 1 },
  ],
  quiet: [
    { label: 'exchange with A record', records: [mx('mail.example.com'), ['mail', 'A', '192.0.2.1']] },
    { label: 'out-of-zone exchange (unknowable)', records: [mx('mx.example.net')] },
    { label: 'exchange below a delegation (unknowable)', records: [mx('mx.sub.example.com'), ['sub', 'NS', 'ns1.example.net'], ['mx.sub', 'CNAME', 'glue.example.net']] },
    { label: 'a CNAME elsewhere (DKIM) does not matter', records: [mx('mail.example.com'), ['mail', 'A', '192.0.2.1'], ['selector1._domainkey', 'CNAME', 'selector1-example-com._domainkey.example.onmicrosoft.com']] },
    { label: 'wildcard CNAME does not cover an existing name', records: [mx('mail.example.com'), ['mail', 'A', '192.0.2.1'], ['*', 'CNAME', 'web.example.net']] },
    { label: 'wildcard does not cover an empty non-terminal', records: [mx('mail.example.com'), ['x.mail', 'A', '192.0.2.1'], ['*', 'CNAME', 'web.example.net']] },
    { label: 'null MX', records: [['@', 'MX', '.', 0], ['*', 'CNAME', 'web.example.net']] },
  ],
});

describeRule(cnameAtApex, {
  fires: [
    { label: 'CNAME at @', records: [['@', 'CNAME', 'site.example.net']], at: 'example.com' },
    { label: 'CNAME at the absolute apex', records: [['example.com.', 'CNAME', 'site.example.net'], ['@', 'MX', 'mx.example.net', 10]], count: 1 },
  ],
  quiet: [{ label: 'CNAME below the apex', records: [['www', 'CNAME', 'site.example.net'], ['@', 'A', '192.0.2.1']] }],
});

describeRule(cnameCoexists, {
  fires: [
    { label: 'CNAME beside MX', records: [['eu', 'CNAME', 'eu.example.net'], ['eu', 'MX', 'mx.example.net', 10]], message: /MX/ },
    { label: 'CNAME beside TXT (SPF)', records: [['eu', 'CNAME', 'eu.example.net'], ['eu', 'TXT', 'v=spf1 -all']], message: /TXT/ },
    { label: 'CNAME beside A', records: [['www', 'CNAME', 'web.example.net'], ['www', 'A', '192.0.2.1']] },
    { label: 'two CNAMEs at one name', records: [['www', 'CNAME', 'a.example.net'], ['www', 'CNAME', 'b.example.net']], message: /2 CNAME records/ },
    { label: 'CNAME at the apex beside MX', records: [['@', 'CNAME', 'site.example.net'], ['@', 'MX', 'mx.example.net', 10]] },
  ],
  quiet: [
    { label: 'CNAME alone', records: [['www', 'CNAME', 'web.example.net'], ['@', 'MX', 'mx.example.net', 10]] },
    { label: 'CNAME with records below it', records: [['www', 'CNAME', 'web.example.net'], ['a.www', 'TXT', 'x']] },
    { label: 'DNSSEC RRSIG beside a CNAME', records: [['www', 'CNAME', 'web.example.net'], ['www', 'RRSIG', 'CNAME 13 3 300 …']] },
  ],
});

describeRule(mxTargetNoAddress, {
  fires: [
    { label: 'in-zone exchange that does not exist', records: [mx('mail.example.com')], message: /NXDOMAIN/ },
    { label: 'in-zone exchange with only TXT', records: [mx('mail.example.com'), ['mail', 'TXT', 'hello']], message: /only TXT/ },
    { label: 'MX pointing at its own name (loop) without address', records: [mx('example.com')], message: /its own name/ },
    { label: 'MX chain: exchange has MX but no address', records: [mx('mail.example.com'), ['mail', 'MX', 'mx.example.net', 10]], message: /never follow MX twice/ },
    { label: 'exchange is an empty non-terminal', records: [mx('mail.example.com'), ['in.mail', 'A', '192.0.2.1']], message: /only names below it/ },
    { label: 'exchange written relative in a zone file', records: [mx('mail.example.com.example.com.'), ['mail', 'A', '192.0.2.1']] },
  ],
  quiet: [
    { label: 'exchange with A', records: [mx('mail.example.com'), ['mail', 'A', '192.0.2.1']] },
    { label: 'exchange with AAAA only', records: [mx('mail.example.com'), ['mail', 'AAAA', '2001:db8::25']] },
    { label: 'MX at its own name with an address (apex mail host)', records: [mx('example.com'), ['@', 'A', '192.0.2.1']] },
    { label: 'out-of-zone exchange', records: [mx('mx.example.net')] },
    { label: 'exchange in a delegated subzone', records: [mx('mx.sub.example.com'), ['sub', 'NS', 'ns1.example.net']] },
    { label: 'exchange that is a CNAME (mx-target-cname reports it)', records: [mx('mail.example.com'), ['mail', 'CNAME', 'x.example.net']] },
    { label: 'exchange covered by a wildcard A (mx-target-wildcard reports it)', records: [mx('mail.example.com'), ['*', 'A', '192.0.2.1']] },
    { label: 'IDN exchange with address', zone: 'bücher.example', records: [['@', 'MX', 'MAIL.Bücher.example.', 10], ['mail', 'A', '192.0.2.1']] },
  ],
});

describeRule(mxTargetWildcard, {
  fires: [
    { label: 'exchange only answered by *.example.com A', records: [mx('mail.example.com'), ['*', 'A', '192.0.2.1']], message: /wildcard \*\.example\.com/ },
    { label: 'nested name under a wildcard', records: [['eu', 'MX', 'mx.eu.example.com', 10], ['*.eu', 'A', '192.0.2.1'], ['eu', 'A', '192.0.2.2']] },
  ],
  quiet: [
    { label: 'exchange with its own A beside a wildcard', records: [mx('mail.example.com'), ['mail', 'A', '192.0.2.1'], ['*', 'A', '192.0.2.9']] },
    { label: 'wildcard CNAME is mx-target-cname', records: [mx('mail.example.com'), ['*', 'CNAME', 'web.example.net']] },
  ],
});
