import { cloudflareTtl } from './cloudflare-ttl';
import { dnsLabelLength } from './dns-label-length';
import { dnsNameLength } from './dns-name-length';
import { mxDuplicate } from './mx-duplicate';
import { mxPriorityRange } from './mx-priority-range';
import { mxTargetEmpty } from './mx-target-empty';
import { mxTargetIp } from './mx-target-ip';
import { mxTargetSyntax } from './mx-target-syntax';
import { nullMxAlone } from './null-mx-alone';
import { nullMxPriority } from './null-mx-priority';
import { Rule } from './rule';

/** Every rule, in the order findings are reported. Ids are stable public API. */
export const RULES: readonly Rule[] = [
  mxPriorityRange,
  mxTargetEmpty,
  mxTargetIp,
  mxTargetSyntax,
  dnsLabelLength,
  dnsNameLength,
  mxDuplicate,
  nullMxAlone,
  nullMxPriority,
  cloudflareTtl,
];
