import { readSettings } from '../../core/settings/service';
import { seedVisitors } from '../../core/visitors/seed';
import { seedSchedule } from '../../core/appointments/seed';
import { EXIT_OK, UsageError, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { out } from '../output';
import { logInAsAdministrator, withDesk } from '../session';
import { t } from '../texts';

export const seed: Command = {
  name: 'seed',
  summary: 'cli.seed.summary',
  options: [
    DATA_OPTION,
    { name: 'visitors', value: 'N', required: true, help: 'cli.seed.options.visitors' },
    { name: 'seed', value: 'S', help: 'cli.seed.options.seed' },
  ],
  env: ['login', 'password'],
  async run(args) {
    const count = Number(args.visitors);
    const randomSeed = args.seed === undefined ? 1 : Number(args.seed);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000 || !Number.isInteger(randomSeed)) throw new UsageError('cli.usage.seedNumbers');
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      // Written straight into the session's database, like a migration: a call per visitor would take hours.
      const session = desk.desk.requireSession();
      const started = performance.now();
      const made = seedVisitors(session.db, {
        visitors: count,
        seed: randomSeed,
        actorId: session.user.id,
        prefix: readSettings(session.db).visitorCodePrefix,
        now: desk.desk.now(),
        onProgress: (done) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${done} / ${count}`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      // The listening unit's year: about two appointments a visitor, as many psychologists as that takes (a year holds ~2,000 each).
      const schedule = seedSchedule(session.db, {
        seed: randomSeed,
        actorId: session.user.id,
        appointments: count * 2,
        psychologists: Math.max(3, Math.ceil((count * 2) / 2000)),
        now: desk.desk.now(),
        timeZone: readSettings(session.db).timeZone,
      });
      desk.desk.audit({ action: 'visitors.seed', entity: 'visitor', outcome: 'success', detail: String(count) });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      out(t('cli.seed.done', { visitors: made.visitors, intakes: made.intakes, referrals: made.referrals, seconds, seed: randomSeed }));
      out(t('cli.seed.schedule', { ...schedule }));
      return EXIT_OK;
    });
  },
};
