import { App } from 'cdktf';
import { PipelineMailStack } from './mail-stack';

// The app `cdktf synth` runs in the pipeline example (see cdktf.json). The environment says
// which zone and what to publish, so CI can run the same pipeline against a test server.
const env = process.env;
const app = new App();
new PipelineMailStack(app, 'mail', {
  zone: env.MAIL_ZONE ?? 'example.test',
  backupPriority: Number(env.MAIL_BACKUP_PRIORITY ?? 20),
  mx: env.MAIL_MX !== 'off',
  ...(env.MAIL_STATE ? { statePath: env.MAIL_STATE } : {}),
  ...(env.DNS_PROVIDER_VERSION ? { providerVersion: env.DNS_PROVIDER_VERSION } : {}),
});
app.synth();
