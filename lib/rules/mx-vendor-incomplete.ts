import { claimsByPreset, commonVariants } from './mx-mixed-vendors';
import { targetOf } from './mx-exchange';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Half a vendor's documented set loses the redundancy the vendor designed. */
export const mxVendorIncomplete: Rule = {
  id: 'mx-vendor-incomplete',
  severity: 'warning',
  summary: 'only part of a vendor\'s documented MX set is published',
  why: 'Vendors size their MX sets for redundancy and load (Fastmail in1/in2, Zoho mx/mx2/mx3, Google\'s legacy five ASPMX hosts); publishing some of the hosts is usually a copy-paste slip and leaves mail with fewer fallbacks than the vendor intends. Hosts of the set are matched against the vendor presets.',
  sources: ['vendor presets (documented record sets)'],
  fix: 'Publish every MX the vendor documents for your setup (the vendor construct or VendorMx does this), or switch to the vendor\'s current single-host set where there is one.',
  *check({ zone }): Iterable<RuleHit> {
    for (const entry of ZoneIndex.of(zone).names()) {
      if (entry.mx.length === 0) continue;
      for (const { claims, records } of claimsByPreset(entry).values()) {
        const variants = commonVariants(claims);
        if (variants.length === 0) continue; // mixed generations: mx-mixed-vendors reports it
        const preset = claims[0].preset;
        const hosts = new Set(records.map((r) => targetOf(r).ascii));
        const templatedPresent = records.filter((r, i) => !claims[i].entries.some((e) => e.exchange === targetOf(r).ascii)).length;
        const gaps = variants.map((variant) => {
          const documented = preset.variants[variant].mx;
          const missing = documented.filter((mx) => !mx.exchange.includes('{') && !hosts.has(mx.exchange)).map((mx) => mx.exchange);
          const templated = documented.filter((mx) => mx.exchange.includes('{')).length;
          return { variant, documented: documented.length, missing, templatedShort: Math.max(0, templated - templatedPresent) };
        });
        if (gaps.some((gap) => gap.missing.length === 0 && gap.templatedShort === 0)) continue;
        const closest = gaps.sort((a, b) => a.missing.length + a.templatedShort - (b.missing.length + b.templatedShort))[0];
        const missing = closest.missing.length > 0 ? `; missing: ${closest.missing.join(', ')}` : `; ${closest.templatedShort} of its hosts are missing`;
        const variantName = Object.keys(preset.variants).length > 1 ? ` (${closest.variant})` : '';
        yield { name: entry.name, record: records[0], related: records, message: `${entry.name} publishes ${records.length} of the ${closest.documented} MX hosts ${preset.name}${variantName} documents${missing}. Publish the complete set.` };
      }
    }
  },
};
