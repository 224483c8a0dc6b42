import { isAbsolute, relative, resolve } from 'node:path';

/**
 * How `$INCLUDE` paths of a zone file are read by the CLI: relative to `base` (the zone file's
 * directory), as BIND's named-checkzone does. Unless `allowOutside`, a path that leads out of
 * `base`'s tree is refused (the problem names the path, never its content): a zone repository's
 * zone files have no business reading `../.env`. BIND follows any path, but never prints what it
 * read; lint and import report problems of included lines, so the fence is kept by default.
 */
export function zoneFileInclude(base: string, readFile: (path: string) => string, allowOutside = false): (path: string) => string {
  return (path) => {
    const target = resolve(base, path);
    const within = relative(base, target);
    if (!allowOutside && (within === '..' || within.startsWith('../') || within.startsWith('..\\') || isAbsolute(within))) {
      throw new Error(`${target} is outside ${base}, the zone file's directory; give --allow-include-outside to follow it`);
    }
    return readFile(target);
  };
}
