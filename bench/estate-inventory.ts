/**
 * The generated estate both estate benches use: `n` domains over seven presets (three records a
 * domain), zone ids derived from the index so the loopback API can hold the same zones.
 */
const PRESETS = ['google-workspace', 'fastmail', 'null-mx', 'null-mx', 'proton-mail', 'zoho-mail', 'icloud-plus'];

/** The zone (id, apex) of domain `i`. */
export function estateZone(i: number): { id: string; name: string } {
  return { id: i.toString(16).padStart(32, '0'), name: `domain-${String(i).padStart(5, '0')}.example` };
}

/** The inventory CSV of `n` domains; `changed` gives one domain (the middle one) another vendor. */
export function estateInventory(n: number, changed: boolean): string {
  const rows = ['domain,zone_id,preset,region,companions'];
  for (let i = 0; i < n; i++) {
    let preset = PRESETS[i % PRESETS.length]!;
    if (changed && i === Math.floor(n / 2)) preset = preset === 'fastmail' ? 'google-workspace' : 'fastmail';
    const zone = estateZone(i);
    rows.push(`${zone.name},${zone.id},${preset},${preset === 'zoho-mail' ? 'eu' : ''},${preset === 'null-mx' ? 'spf;dmarc' : 'spf'}`);
  }
  return `${rows.join('\n')}\n`;
}
