import { App } from 'cdktf';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderZone } from '../../lib'; // in your project: from 'cdktf-mx'
import { PipelineMailStack } from './mail-stack';

// The pipeline's snapshot test: the zone the stack publishes, as zone text. A change to the
// records shows up as a snapshot diff in review, before any plan runs.
describe('pipeline example stack', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-pipeline-example-'));
    const app = new App({ outdir });
    new PipelineMailStack(app, 'mail', { zone: 'example.test', backupPriority: 20, mx: true });
    app.synth();
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('publishes the zone as reviewed', () => {
    expect(renderZone(outdir, 'example.test')).toMatchSnapshot();
  });

  test('the MX set waits for its exchanges\' addresses (BIND refuses an MX whose in-zone exchange has no address)', () => {
    const stack = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8'));
    expect(stack.resource.dns_mx_record_set.mx__example_test.depends_on).toEqual(['dns_a_record_set.mx1', 'dns_a_record_set.mx2']);
    // The null MX of www names no exchange, so it waits for nothing.
    expect(stack.resource.dns_mx_record_set.mx__www_example_test.depends_on).toBeUndefined();
  });
});
