// Starts the Learn replica for clicking through by hand:
//   npm run replica -- [--port 8443] [--scenario has-aad] [--settings-delay 400] [--auth-delay 200]
// It stays up until Ctrl-C.

import { parseArgs } from 'node:util';
import { chromiumArgs } from '../test/support/chromium.ts';
import { scenarios, startReplica } from '../test/fixtures/replica/index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    scenario: { type: 'string', default: 'has-aad' },
    'settings-delay': { type: 'string' },
    'auth-delay': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run replica -- [--port 8443] [--scenario NAME] [--settings-delay MS] [--auth-delay MS]\n' +
      `Scenarios: ${Object.keys(scenarios).join(', ')}`,
  );
  process.exit(0);
}

const optionalNumber = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

const replica = await startReplica({
  port: Number(values.port),
  scenario: values.scenario,
  settingsDelayMs: optionalNumber(values['settings-delay']),
  authDelayMs: optionalNumber(values['auth-delay']),
});

const flags = chromiumArgs({ replicaPort: replica.port })
  .filter((flag) => flag.startsWith('--host-resolver-rules') || flag === '--ignore-certificate-errors')
  .map((flag) => `'${flag}'`);

console.log(`Learn replica on 127.0.0.1:${replica.port}, scenario "${values.scenario}".

Start a Chromium with its own profile, pointing Learn's hosts at the replica:

  chromium --user-data-dir="$(mktemp -d)" \\
    ${flags.join(' \\\n    ')} \\
    ${replica.url('/en-us/')}

Pages: ${replica.url('/en-us/users/me/settings/')}  (also /fr-fr/...)
Who can sign in: ${replica.state().identities.map((i) => `${i.email} (${i.kind})`).join(', ')}
Ctrl-C to stop.`);

process.on('SIGINT', () => {
  void replica.close().then(() => process.exit(0));
});
