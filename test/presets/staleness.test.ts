import { deprecationWarning, MailPreset, mostLenient, presetAgeDays, PRESETS, renderSpf, stalenessWarning } from '../../lib';

const fixture = (checked: string): MailPreset => ({ ...PRESETS['fastmail'], checked });
const day = (iso: string) => new Date(`${iso}T12:34:56Z`);

describe('preset age', () => {
  test('counts whole UTC days from the checked date', () => {
    expect(presetAgeDays(fixture('2026-11-25'), day('2026-11-25'))).toBe(0);
    expect(presetAgeDays(fixture('2025-11-25'), day('2026-11-25'))).toBe(365);
    expect(presetAgeDays(fixture('2024-02-28'), day('2024-03-01'))).toBe(2);
  });

  test('warns only past the maximum age, naming the date and where to re-check', () => {
    expect(stalenessWarning(fixture('2025-11-25'), day('2026-11-25'))).toBeUndefined();
    const warning = stalenessWarning(fixture('2025-11-24'), day('2026-11-25'));
    expect(warning).toMatch(/^the Fastmail preset was last checked against the vendor's documentation on 2025-11-24, 366 days ago \(more than 365\)/);
    expect(warning).toContain('https://www.fastmail.help/hc/en-us/articles/360060591153');
    expect(stalenessWarning(fixture('2026-10-01'), day('2026-11-25'), 30)).toContain('55 days ago (more than 30)');
  });

  test('a malformed checked date is a data bug, not silence', () => {
    expect(() => presetAgeDays(fixture('2026-13-01'), day('2026-11-25'))).toThrow('"2026-13-01" is not an ISO date');
  });

  test('deprecation says whether the end of support is ahead or past', () => {
    const workmail = PRESETS['amazon-workmail'];
    expect(deprecationWarning(workmail, day('2026-11-25'))).toMatch(/^Amazon WorkMail reaches end of support on 2027-03-31: /);
    expect(deprecationWarning(workmail, day('2027-04-01'))).toMatch(/^Amazon WorkMail reached end of support on 2027-03-31: /);
    expect(deprecationWarning(PRESETS['fastmail'], day('2026-11-25'))).toBeUndefined();
  });
});

describe('SPF rendering', () => {
  test('one record, includes deduplicated in order', () => {
    expect(renderSpf(['_spf.google.com', 'sendgrid.net', '_SPF.google.com'], '~all')).toBe('v=spf1 include:_spf.google.com include:sendgrid.net ~all');
    expect(renderSpf([], '-all')).toBe('v=spf1 -all');
  });

  test('the merged terminator is the most lenient documented', () => {
    expect(mostLenient(['-all'])).toBe('-all');
    expect(mostLenient(['-all', '~all'])).toBe('~all');
    expect(mostLenient(['~all', '?all', '-all'])).toBe('?all');
  });
});
