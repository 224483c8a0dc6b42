import { Finding } from '../rules/engine';
import { liveFindings } from './findings';
import { LiveRecord, LiveZone } from './live-zone';
import { splitMailRecords } from './mail-relevance';
import { AdoptedUnit, recogniseMail } from './recognise';
import { writeApp, WriteAppOptions } from './write-app';

/** What adopting a live zone produced. */
export interface Adoption {
  /** The generated TypeScript. */
  readonly text: string;
  /** The mail records the text publishes. */
  readonly mail: readonly LiveRecord[];
  /** The records left out (not mail). */
  readonly other: readonly LiveRecord[];
  readonly units: readonly AdoptedUnit[];
  /** Findings of the live zone. */
  readonly findings: readonly Finding[];
}

/** Live zone → mail records → constructs → TypeScript, with the live zone's findings. Pure. */
export function adoptZone(zone: LiveZone, options: Omit<WriteAppOptions, 'zone' | 'units' | 'findings'> = {}): Adoption {
  const { mail, other } = splitMailRecords(zone.records, zone.domain);
  const units = recogniseMail(mail);
  const findings = liveFindings(zone);
  const text = writeApp({ ...options, zone, units, findings });
  return { text, mail, other, units, findings };
}
