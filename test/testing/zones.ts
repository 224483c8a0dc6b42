import { App } from 'cdktf';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailStack } from '../../examples/mail-stack';
import { MxValidation, renderZone, RenderZoneOptions, VendorMx } from '../../lib';
import { newStack } from '../helpers';
import { documentedMx, everyCase, exampleCompanions, exampleParameters, pinnedApp } from '../presets/examples';

/** A rendered zone with a label for test names. */
export interface RenderedZone {
  readonly label: string;
  readonly apex: string;
  /** `renderZone` of the stack. */
  readonly text: string;
  /** `renderZone` of the same stack's `cdktf synth` output (examples only). */
  readonly synthesizedText?: string;
}

/** An example zone, with the MX its synthesized JSON declares at the apex. */
export interface ExampleZone extends RenderedZone {
  /** [priority, content] of the apex's MX resources in cdk.tf.json, read here without the library, sorted. */
  readonly synthesizedMx: Array<[number, string]>;
}

/**
 * Every zone of the example app (examples/mail-stack.ts, what examples/main.ts synthesizes),
 * rendered from the stack and from its `App.synth()` output in a temporary directory.
 */
export function exampleZones(options: RenderZoneOptions = {}): ExampleZone[] {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-example-'));
  try {
    const app = new App({ outdir });
    const stack = new MailStack(app, 'mail');
    app.synth();
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8')) as {
      resource: { cloudflare_dns_record: Record<string, { name: string; type: string; content: string; priority?: number }> };
    };
    const resources = Object.values(json.resource.cloudflare_dns_record);
    return MxValidation.of(stack).zoneModels().map(({ zone }) => ({
      label: `examples ${zone.apex}`,
      apex: zone.apex,
      text: renderZone(stack, zone.apex, options),
      synthesizedText: renderZone(outdir, zone.apex, options),
      synthesizedMx: resources
        .filter((r) => r.type === 'MX' && r.name === zone.apex)
        .map((r): [number, string] => [r.priority!, r.content])
        .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])),
    }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** A rendered preset zone and the MX records the preset data documents for it. */
export interface PresetZone extends RenderedZone {
  /** [priority, exchange] by the test's own reading of the preset data, sorted. */
  readonly documentedMx: Array<[number, string]>;
}

/**
 * The zone of every preset × variant × region, published by `VendorMx` with the example
 * value of every parameter and every companion the preset documents; at example.com
 * unless `apexOf` gives each case a domain of its own (to serve them all at once).
 */
export function presetZones(options: RenderZoneOptions = {}, apexOf: (index: number) => string = () => 'example.com'): PresetZone[] {
  return everyCase().map(({ preset, variant, region, label }, index) => {
    const apex = apexOf(index);
    const stack = newStack('stack', pinnedApp());
    new VendorMx(stack, 'mail', { zoneId: 'z1', domain: apex, preset: preset.id, variant, region, parameters: exampleParameters(preset), companions: exampleCompanions(preset, region) });
    return { label: `preset ${label}`, apex, text: renderZone(stack, apex, options), documentedMx: documentedMx(preset, variant, region) };
  });
}
