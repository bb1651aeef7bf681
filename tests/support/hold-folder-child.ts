/** Run as a child process: holds a data folder open until killed, like a running app. */
import { Desk } from '../../main/core/desk';

const desk = Desk.open({ dataDir: process.argv[2] });
process.stdout.write(`holding ${desk.status().state.kind}\n`);
setInterval(() => undefined, 1000);
