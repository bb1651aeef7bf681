import { readSettings } from '../../core/settings/service';
import { checkNewPassword } from '../../core/accounts/password-policy';
import { generateOneTimePassword } from '../../core/accounts/service';
import { seedVisitors } from '../../core/visitors/seed';
import { seedSchedule } from '../../core/appointments/seed';
import { seedActivities } from '../../core/activities/seed';
import { seedChildcare } from '../../core/childcare/seed';
import { psychologistsFor, seededPsychologistLogin, seedPsychologists, wipeSecrets } from '../../core/appointments/seed-psychologists';
import { ENV, EXIT_OK, UsageError, type Command } from '../command';
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
    { name: 'appointments', value: 'N', help: 'cli.seed.options.appointments' },
    { name: 'notes', value: 'SHARE', help: 'cli.seed.options.notes' },
  ],
  env: ['login', 'password', 'seedPassword'],
  async run(args) {
    const count = Number(args.visitors);
    const randomSeed = args.seed === undefined ? 1 : Number(args.seed);
    const appointments = args.appointments === undefined ? count * 2 : Number(args.appointments);
    const notesShare = args.notes === undefined ? 1 : Number(args.notes);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000 || !Number.isInteger(randomSeed)) throw new UsageError('cli.usage.seedNumbers');
    if (!Number.isInteger(appointments) || appointments < 0 || appointments > 5_000_000 || !(notesShare >= 0 && notesShare <= 1)) throw new UsageError('cli.usage.seedSchedule');
    // Given (by the environment, like every secret), it is not echoed; made up, it is printed once so the psychologists can log in.
    const given = process.env[ENV.seedPassword] || undefined;
    const password = given ?? generateOneTimePassword();
    // Refused before anything is written, not after the visitors.
    checkNewPassword(password, seededPsychologistLogin(randomSeed, 0), 'password');
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
      const visitorSeconds = ((performance.now() - started) / 1000).toFixed(1);
      const scheduleStarted = performance.now();
      const psychologists = await seedPsychologists(desk.desk, {
        seed: randomSeed,
        count: psychologistsFor(appointments),
        password,
        now: desk.desk.now(),
      });
      let schedule;
      try {
        schedule = seedSchedule(session.db, {
          seed: randomSeed,
          actorId: session.user.id,
          appointments,
          psychologists,
          notesShare,
          now: desk.desk.now(),
          timeZone: readSettings(session.db).timeZone,
        });
      } finally {
        wipeSecrets(psychologists);
      }
      const scheduleSeconds = ((performance.now() - scheduleStarted) / 1000).toFixed(1);
      const activitiesStarted = performance.now();
      const year = { seed: randomSeed, actorId: session.user.id, now: desk.desk.now(), timeZone: readSettings(session.db).timeZone };
      const { seeded, activities, attendance, ...activityCounts } = seedActivities(session.db, year);
      const { bookings, pickUps, ...childcare } = seedChildcare(session.db, { ...year, activities: seeded });
      const activitySeconds = ((performance.now() - activitiesStarted) / 1000).toFixed(1);
      desk.desk.audit({ action: 'visitors.seed', entity: 'visitor', outcome: 'success', detail: String(count) });
      out(t('cli.seed.done', { visitors: made.visitors, intakes: made.intakes, referrals: made.referrals, seconds: visitorSeconds, seed: randomSeed }));
      const { statuses, ...counts } = schedule;
      out(t('cli.seed.schedule', { ...counts, seconds: scheduleSeconds }));
      out(t('cli.seed.statuses', { ...statuses, late: schedule.lateCancellations }));
      out(t('seedYear.activities', { ...activities, ...attendance, ...activityCounts, seconds: activitySeconds }));
      out(t('seedYear.events', activityCounts));
      out(t('seedYear.childcare', { ...childcare, ...bookings, authorised: pickUps.authorised, seconds: activitySeconds }));
      const logins = { first: seededPsychologistLogin(randomSeed, 0), last: seededPsychologistLogin(randomSeed, psychologists.length - 1) };
      out(given === undefined ? t('cli.seed.psychologists', { ...logins, password }) : t('cli.seed.psychologistsOwnPassword', logins));
      return EXIT_OK;
    });
  },
};
