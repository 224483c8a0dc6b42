import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in package.json (two levels up from both lib/cli and dist/lib/cli… resolved by walking up). */
export function version(): string {
  for (const up of ['..', '../..', '../../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cdktf-mx' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: try one level further up
    }
  }
  throw new Error('cannot find the package.json of cdktf-mx to read its version');
}
