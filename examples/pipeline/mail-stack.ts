import { ARecordSet } from '@cdktf/provider-dns/lib/a-record-set';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { TxtRecordSet } from '@cdktf/provider-dns/lib/txt-record-set';
import { dependable, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MxRecords, NullMx, Rfc2136Zone } from '../../lib'; // in your project: from 'cdktf-mx'

/** What the pipeline example publishes; the environment picks it so one pipeline run can change it. */
export interface PipelineMailProps {
  /** The zone (RFC 2136 primary), e.g. `example.test`. */
  readonly zone: string;
  /** Preference of the backup exchange (a change the gate lets through: an in-place update). */
  readonly backupPriority: number;
  /** Publish MX at the apex (false removes them: the gate stops that plan). */
  readonly mx: boolean;
  /** Where terraform keeps the state (outside cdktf.out, so a new synth keeps it). */
  readonly statePath?: string;
  /** required_providers version of hashicorp/dns, when the binding's (3.4.3) is not the one to run. */
  readonly providerVersion?: string;
}

/**
 * The pipeline example's stack: the mail of one zone on an RFC 2136 server through
 * hashicorp/dns (server and TSIG key come from DNS_UPDATE_* in the environment, never from
 * code). cdktf-mx constructs on an `Rfc2136Zone` publish the MX of the apex (`MxRecords`, two
 * in-zone exchanges) and a null MX with SPF and DMARC that reject everything for `www`, a web
 * host name that takes no mail (`NullMx`). What cdktf-mx does not write is written as the
 * user would, with the prebuilt binding: the provider, the exchanges' addresses, and the
 * apex's own SPF and DMARC.
 */
export class PipelineMailStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: PipelineMailProps) {
    super(scope, id);
    if (props.statePath) new LocalBackend(this, { path: props.statePath });
    new DnsProvider(this, 'dns', {});
    if (props.providerVersion) this.addOverride('terraform.required_providers.dns.version', props.providerVersion);
    const zone = Rfc2136Zone.of(props.zone);
    const hosts = [
      new ARecordSet(this, 'mx1', { zone: zone.identity, name: 'mx1', ttl: 300, addresses: ['127.0.0.1'] }),
      new ARecordSet(this, 'mx2', { zone: zone.identity, name: 'mx2', ttl: 300, addresses: ['127.0.0.2'] }),
    ];
    if (props.mx) {
      const mail = new MxRecords(this, 'mail', {
        zone,
        ttl: 300,
        records: [{ priority: 10, exchange: `mx1.${zone.apex}` }, { priority: props.backupPriority, exchange: `mx2.${zone.apex}` }],
      });
      // The exchanges' addresses first: BIND refuses an update adding an MX whose in-zone
      // exchange has no address yet (check-integrity, "MX '…' has no address records"), and
      // terraform would otherwise send both at once in the first deploy. `records` holds the
      // construct's `dns_mx_record_set`, so the dependency goes on it.
      for (const set of mail.records) set.dependsOn = [...(set.dependsOn ?? []), ...hosts.map((host) => dependable(host))];
    }
    new NullMx(this, 'www-no-mail', { zone, name: 'www', ttl: 300 });
    new TxtRecordSet(this, 'spf', { zone: zone.identity, ttl: 300, txt: ['v=spf1 mx -all'] });
    new TxtRecordSet(this, 'dmarc', { zone: zone.identity, name: '_dmarc', ttl: 300, txt: [`v=DMARC1; p=reject; rua=mailto:dmarc@${zone.apex}`] });
  }
}
