// The rules about the MX set at one name.
import { mxDuplicate } from '../../lib/rules/mx-duplicate';
import { nullMxAlone } from '../../lib/rules/null-mx-alone';
import { nullMxPriority } from '../../lib/rules/null-mx-priority';
import { describeRule } from './cases';

describeRule(mxDuplicate, {
  fires: [
    { label: 'same exchange twice', records: [['@', 'MX', 'mx.example.net', 10], ['@', 'MX', 'mx.example.net', 20]], count: 1 },
    { label: 'same exchange, different case and trailing dot', records: [['@', 'MX', 'MX.example.net.', 10], ['@', 'MX', 'mx.example.net', 10]], count: 1 },
    { label: 'same exchange as Unicode and punycode', records: [['@', 'MX', 'mail.bücher.example', 10], ['@', 'MX', 'mail.xn--bcher-kva.example', 20]], count: 1 },
  ],
  quiet: [
    { label: 'two exchanges at equal priority', records: [['@', 'MX', 'a.example.net', 10], ['@', 'MX', 'b.example.net', 10]] },
    { label: 'same exchange at two names', records: [['@', 'MX', 'mx.example.net', 10], ['eu', 'MX', 'mx.example.net', 10]] },
  ],
});

describeRule(nullMxAlone, {
  fires: [
    { label: 'null MX beside a vendor MX', records: [['@', 'MX', '.', 0], ['@', 'MX', 'smtp.google.com', 1]], message: /smtp\.google\.com/ },
    { label: 'two null MX', records: [['@', 'MX', '.', 0], ['@', 'MX', '.', 0]], message: /2 null MX/ },
  ],
  quiet: [
    { label: 'null MX alone', records: [['@', 'MX', '.', 0], ['@', 'TXT', 'v=spf1 -all']] },
    { label: 'null MX at one name, real MX at another', records: [['parked', 'MX', '.', 0], ['@', 'MX', 'mx.example.net', 10]] },
  ],
});

describeRule(nullMxPriority, {
  fires: [{ label: '"MX 10 ." from a wrong guide', records: [['@', 'MX', '.', 10]], message: /preference 10/ }],
  quiet: [{ label: '"MX 0 ."', records: [['@', 'MX', '.', 0]] }],
});
