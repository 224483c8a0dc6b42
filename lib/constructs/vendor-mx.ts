import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { PresetParameters } from '../presets/expand';
import { MailPreset } from '../presets/preset';
import { VendorConstructProps } from './companion-options';
import { MailRecordsBase } from './mail-records-base';
import { presetById } from './preset-publishing';

/** Which preset to publish and with what inputs. */
export interface VendorSelection {
  /** Preset id from the catalogue (`presets`, e.g. `'fastmail'`), or a preset object of your own. */
  readonly preset: string | MailPreset;
  /** Record set to publish, e.g. `legacy`; default the preset's current one. */
  readonly variant?: string;
  /** Data centre or account region, for presets that have them (Zoho, Amazon SES, Mailgun, Mimecast, …). */
  readonly region?: string;
  /** Inputs the preset declares, e.g. `{ exchange: 'contoso-com.mail.protection.outlook.com' }`. */
  readonly parameters?: PresetParameters;
  /** Accept host parameters outside the vendor's known suffixes. Default false. */
  readonly allowCustomHost?: boolean;
}

/** Props of {@link VendorMx}. */
export interface VendorMxProps extends VendorConstructProps, VendorSelection {}

/**
 * Mail for the domain goes to a vendor from the preset catalogue, with the records the
 * vendor documents: `new VendorMx(stack, 'mail', { zoneId, domain, preset: 'fastmail' })`.
 * Missing or wrong inputs fail with an `MxInputError` naming the input and what is allowed.
 */
export class VendorMx extends MailRecordsBase {
  /** The preset published. */
  public readonly preset: MailPreset;
  /** The variant published. */
  public readonly variant: string;
  /** The region published, for presets with regions. */
  public readonly region?: string;

  constructor(scope: Construct, id: string, props: VendorMxProps) {
    super(scope, id, props);
    let preset: MailPreset;
    try {
      preset = presetById(props.preset);
    } catch (error) {
      throw error instanceof MxInputError ? error.at(this.where()) : error;
    }
    const resolved = this.publishPreset(preset, props.variant, props.parameters ?? {}, {
      region: props.region,
      allowCustomHost: props.allowCustomHost,
      companions: props.companions,
      maxPresetAge: props.maxPresetAge,
    });
    this.preset = preset;
    this.variant = resolved.variant;
    this.region = resolved.region;
  }
}
