/** Run as a child process by the crash test: sets a new data folder up, and is killed somewhere along the way. */
import { openChildDesk } from './child-desk';

const [dataDir] = process.argv.slice(2);
const { ok } = openChildDesk(dataDir);
process.stdout.write('setting up\n');
await ok('setup.create', { login: 'amina', displayName: 'Amina', password: 'the first run of the desk', language: 'fr', organisationName: 'Tadamon' });
process.stdout.write('set up\n');
setInterval(() => undefined, 1000);
