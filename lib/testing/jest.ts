/**
 * Jest helpers: a snapshot serializer that stores zone text as a zone file reads, and
 * matchers over what a stack publishes. Nothing here requires jest at run time: the
 * matchers are plain functions and {@link setupMxJest} uses jest's global `expect`.
 */
// Loads the `expect` package's declarations into any program that compiles this source (our
// build, tools that map 'cdktf-mx' to lib/), because TypeScript merges the augmentation at the
// end of this file only into a module the program has loaded. Since TypeScript 5.5 a written
// reference directive is not copied into the emitted .d.ts, so users without jest never need it.
/// <reference types="expect" />
import { IConstruct } from 'constructs';
import { Severity } from '../rules/rule';
import { formatFinding, MxValidation } from '../validation/mx-validation';
import { byPreference, publishedMx, PublishedMx, ZoneSource } from './render-zone';
import { absoluteHost, ZONE_TEXT_HEADER } from './zone-text';

/** An MX a test expects: preference and exchange (any case, trailing dot optional; `.` for a null MX). */
export interface MxExpectation {
  readonly priority: number;
  readonly exchange: string;
}

/** Options of `toHaveNoFindings`. */
export interface NoFindingsOptions {
  /** Only findings of this severity or worse count; default `info` (every finding). */
  readonly severity?: Severity;
}

/**
 * Prints text from `renderZone` as it is, not as an escaped string literal, so a
 * snapshot reads like a zone file and its diff shows changed records line by line.
 */
export const zoneSnapshotSerializer = {
  test(value: unknown): boolean {
    return typeof value === 'string' && value.startsWith(ZONE_TEXT_HEADER);
  },
  serialize(value: string): string {
    return value.trimEnd();
  },
};

/** The part of jest's matcher context these matchers use. */
interface MatcherContext {
  readonly isNot?: boolean;
}

interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The matchers, for `expect.extend(mxMatchers)`; {@link setupMxJest} does that for you. */
export const mxMatchers = {
  /**
   * `expect(stack).toPublishMx('example.com', [{ priority: 1, exchange: 'smtp.google.com' }])`:
   * the MX set at a name is exactly this (order does not matter). `stack` may also be
   * the path of synthesized output.
   */
  toPublishMx(this: MatcherContext, received: ZoneSource, name: string, expected: readonly MxExpectation[]): MatcherResult {
    const actual = publishedMx(received, name);
    const wanted = expected.map((mx) => ({ priority: mx.priority, exchange: absoluteHost(mx.exchange) })).sort(byPreference);
    const key = (mx: PublishedMx): string => `MX ${mx.priority} ${mx.exchange}`;
    const actualKeys = actual.map(key);
    const wantedKeys = wanted.map(key);
    const pass = actualKeys.length === wantedKeys.length && actualKeys.every((k, i) => k === wantedKeys[i]);
    const list = (keys: readonly string[]): string => (keys.length === 0 ? '  (no MX)' : keys.map((k) => `  ${k}`).join('\n'));
    return {
      pass,
      message: () => {
        if (this.isNot) return `expected ${name} not to publish exactly\n${list(wantedKeys)}\nbut it does`;
        const missing = wantedKeys.filter((k) => !actualKeys.includes(k));
        const extra = actualKeys.filter((k) => !wantedKeys.includes(k));
        return [
          `expected ${name} to publish\n${list(wantedKeys)}`,
          `but it publishes\n${list(actualKeys)}`,
          ...(missing.length ? [`missing:\n${list(missing)}`] : []),
          ...(extra.length ? [`extra:\n${list(extra)}`] : []),
        ].join('\n');
      },
    };
  },

  /**
   * `expect(stack).toHaveNoFindings()`: the rules find nothing in any zone the stack
   * declares (suppressions and stack settings applied). `{ severity: 'warning' }` ignores infos.
   */
  toHaveNoFindings(this: MatcherContext, received: IConstruct, options: NoFindingsOptions = {}): MatcherResult {
    if (typeof received !== 'object' || received === null || !('node' in received)) {
      throw new TypeError('toHaveNoFindings() needs a stack or a construct in one');
    }
    const threshold = SEVERITY_RANK[options.severity ?? 'info'];
    const findings = MxValidation.of(received).findings().findings.filter((f) => SEVERITY_RANK[f.severity] >= threshold);
    return {
      pass: findings.length === 0,
      message: () => (this.isNot
        ? 'expected findings, but the rules found nothing'
        : `expected no findings, but the rules found ${findings.length}:\n${findings.map((f) => `  ${f.severity} ${formatFinding(f)}`).join('\n')}`),
    };
  },
};

/** The part of jest's `expect` that {@link setupMxJest} uses. */
export interface JestExpect {
  extend(matchers: object): void;
  addSnapshotSerializer(serializer: object): void;
}

/**
 * Register the zone snapshot serializer and the matchers with jest. Call it once in a
 * file listed in jest's `setupFilesAfterEnv`. Under `injectGlobals: false` there is no global
 * `expect`: pass the one you import, `setupMxJest(expect)` with
 * `import { expect } from '@jest/globals'`.
 */
export function setupMxJest(expect: JestExpect | undefined = (globalThis as { expect?: JestExpect }).expect): void {
  if (!expect || typeof expect.extend !== 'function') {
    throw new Error([
      'setupMxJest() found no jest `expect` to extend.',
      'With injectGlobals: false (jest config), pass it: import { expect } from \'@jest/globals\'; setupMxJest(expect);',
      'otherwise call setupMxJest() from a file in setupFilesAfterEnv (jest\'s globals are not there yet in setupFiles).',
    ].join(' '));
  }
  expect.extend(mxMatchers);
  expect.addSnapshotSerializer(zoneSnapshotSerializer);
}

/** The matchers' signatures, shared by both declarations below so they cannot drift apart. */
export interface MxMatchers<R> {
  /** The MX set at `name` is exactly `expected` (any order). */
  toPublishMx(name: string, expected: readonly MxExpectation[]): R;
  /** The rules find nothing in the stack's zones (of `severity` or worse). */
  toHaveNoFindings(options?: NoFindingsOptions): R;
}

// Jest has two `expect` types, and a matcher must be declared on each:
// - the global `expect` of @types/jest reads `jest.Matchers` (a global namespace);
// - `import { expect } from '@jest/globals'` reads the `Matchers` interface of the `expect`
//   package (jest 30: expect/build/index.d.ts, `Matchers<R extends void | Promise<void>, T = unknown>`),
//   which jest's docs extend with `declare module 'expect'` ("expect.extend", TypeScript).
// Type parameters must repeat each original declaration's exactly, or TypeScript rejects the merge.
// Without jest installed, the `expect` augmentation resolves to nothing and costs nothing.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> extends MxMatchers<R> {}
  }
}

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<R extends void | Promise<void>, T = unknown> extends MxMatchers<R> {}
}
