import { App } from 'cdktf';
import { MailStack } from './mail-stack';

// The app `cdktf synth` runs (see cdktf.json).
const app = new App();
new MailStack(app, 'mail');
app.synth();
