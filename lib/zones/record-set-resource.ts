import {
  IResolvable, ITerraformDependable, listMapper, listMapperHcl, numberToHclTerraform, numberToTerraform, stringToHclTerraform, stringToTerraform,
  TerraformProvider, TerraformResource, TerraformResourceLifecycle,
} from 'cdktf';
import { Construct } from 'constructs';

/** `terraformGeneratorMetadata` of a provider's generated classes; cdktf matches `providerName` to the stack's provider. */
export interface GeneratorMetadata {
  readonly providerName: string;
  readonly providerVersion: string;
  readonly providerVersionConstraint: string;
}

/** Settings every generated resource class takes besides its attributes. */
export interface ResourceMetaConfig {
  /** Provider instance (an aliased provider); default the stack's provider of the resource's provider name. */
  readonly provider?: TerraformProvider;
  /** Resources this one depends on. */
  readonly dependsOn?: ITerraformDependable[];
  /** Terraform `lifecycle` block. Record sets must not get `createBeforeDestroy` (see the hosts' rules). */
  readonly lifecycle?: TerraformResourceLifecycle;
}

/** A string list (or a lazy list token) as a `cdktf get` class writes it. */
export type StringList = string[];

/** One attribute: its Terraform name, value and kind, in the order the generated class writes them. */
export type AttributeSpec =
  | { readonly name: string; readonly kind: 'string'; readonly value: string | undefined }
  | { readonly name: string; readonly kind: 'number'; readonly value: number | undefined }
  | { readonly name: string; readonly kind: 'stringList'; readonly value: StringList | undefined; readonly hclType: 'list' | 'set' }
  | { readonly name: string; readonly kind: 'block'; readonly value: IResolvable | Array<Record<string, unknown>> | undefined; readonly hclStorage: string };

/**
 * A resource with only the attributes cdktf-mx writes, synthesizing what the provider's
 * generated (`cdktf get` / prebuilt) class writes for them (each host equivalence-tests its
 * classes against the prebuilt binding), without loading that package. Subclasses list their
 * attributes; values may be cdktf `Lazy` tokens (record sets render their members at synth).
 */
export abstract class GeneratedLikeResource<C extends ResourceMetaConfig = ResourceMetaConfig> extends TerraformResource {
  constructor(scope: Construct, id: string, resourceType: string, metadata: GeneratorMetadata, protected readonly config: C) {
    super(scope, id, {
      terraformResourceType: resourceType,
      terraformGeneratorMetadata: { ...metadata },
      provider: config.provider,
      dependsOn: config.dependsOn,
      lifecycle: config.lifecycle,
    });
  }

  /** The configuration as given (values may be lazy tokens). */
  public get input(): C {
    return this.config;
  }

  /** The attributes, in the generated class's order. */
  protected abstract attributeSpecs(): AttributeSpec[];

  /** The resource's id (known after apply). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The attributes as Terraform JSON; cdktf drops the undefined ones. */
  protected synthesizeAttributes(): { [name: string]: unknown } {
    const out: Record<string, unknown> = {};
    for (const spec of this.attributeSpecs()) {
      switch (spec.kind) {
        case 'string': out[spec.name] = stringToTerraform(spec.value); break;
        case 'number': out[spec.name] = numberToTerraform(spec.value); break;
        case 'stringList': out[spec.name] = listMapper(stringToTerraform, false)(spec.value); break;
        default: out[spec.name] = spec.value;
      }
    }
    return out;
  }

  /** The attributes for `SYNTH_HCL_OUTPUT`, described as the generated class describes them. */
  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const out: Record<string, unknown> = {};
    for (const spec of this.attributeSpecs()) {
      let attr: { value: unknown; isBlock: boolean; type: string; storageClassType: string };
      switch (spec.kind) {
        case 'string': attr = { value: stringToHclTerraform(spec.value), isBlock: false, type: 'simple', storageClassType: 'string' }; break;
        case 'number': attr = { value: numberToHclTerraform(spec.value), isBlock: false, type: 'simple', storageClassType: 'number' }; break;
        case 'stringList': attr = { value: listMapperHcl(stringToHclTerraform, false)(spec.value), isBlock: false, type: spec.hclType, storageClassType: 'stringList' }; break;
        default: attr = { value: spec.value, isBlock: true, type: 'set', storageClassType: spec.hclStorage };
      }
      if (attr.value !== undefined) out[spec.name] = attr;
    }
    return out;
  }
}
