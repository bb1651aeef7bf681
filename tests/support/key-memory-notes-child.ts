/**
 * Run as a child process by the memory test: a psychologist logs in, writes a note, reads
 * it, saves and reads a sealed draft, locks, and waits to be looked at. Prints `locked`
 * once her secret and every note key should be gone.
 */
import { openChildDesk } from './child-desk';

const [dataDir, login, password, visitorId] = process.argv.slice(2);
const { desk, ok } = openChildDesk(dataDir);
await ok('auth.login', { login, password });
const body = { text: 'A session the memory test looks for', sessionKind: 'followUp', followUpPlanned: true, riskLevel: 'moderate' };
const note = (await ok('notes.create', { visitorId: Number(visitorId), body })) as { id: number };
await ok('notes.get', { id: note.id });
await ok('notes.update', { id: note.id, body: { ...body, text: 'Edited once' } });
await ok('notes.saveDraft', { key: `note-${note.id}`, data: body });
await ok('notes.getDraft', { key: `note-${note.id}` });
await desk.lock('idle');
// Let whatever was freed be collected, as it would be in a long-running app.
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write('locked\n');
setInterval(() => undefined, 1000);
