import { ARecordSet } from '@cdktf/provider-dns/lib/a-record-set';
import { MxRecordSet } from '@cdktf/provider-dns/lib/mx-record-set';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { TxtRecordSet } from '@cdktf/provider-dns/lib/txt-record-set';
import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

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
 * The pipeline example's stack: the mail records of one zone on an RFC 2136 server
 * (hashicorp/dns; server and TSIG key come from DNS_UPDATE_* in the environment, never
 * from code), with in-zone exchanges and their addresses, SPF and DMARC.
 * Uses the prebuilt @cdktf/provider-dns binding until cdktf-mx has its own RFC 2136 zone.
 */
export class PipelineMailStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: PipelineMailProps) {
    super(scope, id);
    if (props.statePath) new LocalBackend(this, { path: props.statePath });
    new DnsProvider(this, 'dns', {});
    if (props.providerVersion) this.addOverride('terraform.required_providers.dns.version', props.providerVersion);
    const zone = `${props.zone.replace(/\.$/, '')}.`;
    const hosts = [
      new ARecordSet(this, 'mx1', { zone, name: 'mx1', ttl: 300, addresses: ['127.0.0.1'] }),
      new ARecordSet(this, 'mx2', { zone, name: 'mx2', ttl: 300, addresses: ['127.0.0.2'] }),
    ];
    if (props.mx) {
      // The exchanges' addresses first: BIND refuses an update adding an MX whose in-zone
      // exchange has no address yet (check-integrity), and terraform would otherwise send both at once.
      new MxRecordSet(this, 'mx', { zone, ttl: 300, mx: [{ preference: 10, exchange: `mx1.${zone}` }, { preference: props.backupPriority, exchange: `mx2.${zone}` }], dependsOn: hosts });
    }
    new TxtRecordSet(this, 'spf', { zone, ttl: 300, txt: ['v=spf1 mx -all'] });
    new TxtRecordSet(this, 'dmarc', { zone, name: '_dmarc', ttl: 300, txt: [`v=DMARC1; p=reject; rua=mailto:dmarc@${props.zone}`] });
  }
}
