import { MailPreset } from '../lib/presets/preset';

/** Google Workspace (Gmail for your domain). */
export const googleWorkspace: MailPreset = {
  id: 'google-workspace',
  name: 'Google Workspace',
  sources: [
    { url: 'https://support.google.com/a/answer/174125', title: 'Google Workspace MX record values' },
    { url: 'https://support.google.com/a/answer/140034', title: 'Set up MX records for Google Workspace email' },
  ],
  checked: '2026-11-24',
  defaultVariant: 'current',
  singleMxRedundant: true,
  variants: {
    current: {
      description: 'One MX, smtp.google.com at priority 1: what Google documents for all new setups.',
      mx: [{ priority: 1, exchange: 'smtp.google.com' }],
    },
    legacy: {
      description: 'The five ASPMX records of setups made before 2023; still supported by Google. Never mix with smtp.google.com.',
      legacy: true,
      mx: [
        { priority: 1, exchange: 'aspmx.l.google.com' },
        { priority: 5, exchange: 'alt1.aspmx.l.google.com' },
        { priority: 5, exchange: 'alt2.aspmx.l.google.com' },
        { priority: 10, exchange: 'alt3.aspmx.l.google.com' },
        { priority: 10, exchange: 'alt4.aspmx.l.google.com' },
      ],
    },
  },
};
