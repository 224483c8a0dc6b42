import { setupMxJest } from '../../lib';
import { exampleZones, presetZones } from './zones';

setupMxJest();

describe('zone text of the example app', () => {
  const zones = exampleZones();

  test('the example declares zones', () => {
    expect(zones.map((z) => z.apex).sort()).toEqual(expect.arrayContaining(['example.com', 'example.org', 'parked.example']));
  });

  test.each(zones.map((z) => [z.label, z] as const))('%s', (_label, zone) => {
    expect(zone.text).toMatchSnapshot();
    // The stack and its `cdktf synth` output publish the same zone.
    expect(zone.synthesizedText).toBe(zone.text);
  });
});

describe('zone text of every preset', () => {
  test.each(presetZones().map((z) => [z.label, z] as const))('%s', (_label, zone) => {
    expect(zone.text).toMatchSnapshot();
  });
});
