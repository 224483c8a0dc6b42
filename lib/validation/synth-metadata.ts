import { TerraformElement } from 'cdktf';
import { Construct } from 'constructs';

/**
 * Writes what `render` returns into the synthesized stack's `//.metadata`, where Terraform ignores
 * it and reviewers and `cdktf-mx lint` of the synthesized output read it. It renders no Terraform.
 * cdktf deep-merges every element's metadata, so each writer keys its entries (by construct path).
 */
export class SynthMetadata extends TerraformElement {
  constructor(scope: Construct, id: string, private readonly render: () => Record<string, unknown>) {
    super(scope, id);
  }

  public toMetadata(): Record<string, unknown> {
    return this.render();
  }
}
