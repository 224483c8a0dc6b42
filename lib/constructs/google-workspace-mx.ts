import { Construct } from 'constructs';
import { googleWorkspace } from '../../presets/google-workspace';
import { VendorConstructProps } from './companion-options';
import { MailRecordsBase } from './mail-records-base';

/** Which of Google's record sets to publish. */
export type GoogleWorkspaceVariant = 'current' | 'legacy';

/** Props of {@link GoogleWorkspaceMx}. */
export interface GoogleWorkspaceMxProps extends VendorConstructProps {
  /**
   * `current` (default): one MX `smtp.google.com` at priority 1, as Google documents today.
   * `legacy`: the five ASPMX records of pre-2023 setups, still supported. The two are never mixed.
   */
  readonly variant?: GoogleWorkspaceVariant;
}

/** Mail for the domain goes to Google Workspace (Gmail). */
export class GoogleWorkspaceMx extends MailRecordsBase {
  constructor(scope: Construct, id: string, props: GoogleWorkspaceMxProps) {
    super(scope, id, props);
    this.publishPreset(googleWorkspace, props.variant, {}, { companions: props.companions, maxPresetAge: props.maxPresetAge });
  }
}
