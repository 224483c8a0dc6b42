import { MailPreset } from '../lib/presets/preset';

const stack = (id: string, spfInclude: string) => ({ name: `Stack ${id}`, values: { spfInclude } });

/**
 * Proofpoint Essentials gateway. The region is the account's stack, shown in the console's
 * connection details. (Proofpoint Enterprise uses per-customer mx0a/mx0b-<id>.pphosted.com
 * hosts: publish those with MxRecords.) With a gateway in front, the mailbox vendor's own MX
 * must not be published.
 */
export const proofpointEssentials: MailPreset = {
  id: 'proofpoint-essentials',
  name: 'Proofpoint Essentials',
  category: 'gateway',
  sources: [
    { url: 'https://help.proofpoint.com/Proofpoint_Essentials', title: 'Proofpoint Essentials help: connection details (login required)' },
    { url: 'https://www.proofpoint.com/sites/default/files/getting_started_guide_us1-cm.pdf', title: 'Proofpoint Essentials getting started guide (us1: mx1 at 10, mx2 at 20)' },
  ],
  checked: '2026-11-25',
  confidence: 'medium',
  defaultVariant: 'current',
  variants: {
    current: {
      description: 'mx1 at 10 and mx2 at 20 of the account\'s stack.',
      mx: [
        { priority: 10, exchange: 'mx1-{region}.ppe-hosted.com' },
        { priority: 20, exchange: 'mx2-{region}.ppe-hosted.com' },
      ],
    },
  },
  regions: {
    us1: stack('us1', '_spf-us.ppe-hosted.com'),
    us2: stack('us2', '_spf-us.ppe-hosted.com'),
    us3: stack('us3', '_spf-us.ppe-hosted.com'),
    us4: stack('us4', '_spf-us.ppe-hosted.com'),
    us5: stack('us5', '_spf-us.ppe-hosted.com'),
    eu1: stack('eu1', '_spf-eu.ppe-hosted.com'),
  },
  companions: {
    spf: { include: '{spfInclude}', all: '~all' },
  },
  notes: 'The vendor page is behind a login; the mx1 host of every stack listed is seen receiving mail, and the 10/20 preferences come from Proofpoint\'s guide and live zones.',
};
