import { Testing } from 'cdktf';
import { GoogleWorkspaceMx } from '../lib';

test('GoogleWorkspaceMx synthesizes smtp.google.com', () => {
  const stack = Testing.synthScope((scope) => {
    new GoogleWorkspaceMx(scope, 'g', { zoneId: 'z', domain: 'Example.COM.' });
  });
  expect(stack).toHaveResourceWithProperties({ tfResourceType: 'cloudflare_dns_record' }, { name: 'example.com', content: 'smtp.google.com', priority: 1 });
});
