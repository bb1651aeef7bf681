import type { HandlersFor } from '../router';
import { backupJobsOf } from './jobs';

type BackupProcedure = 'backups.overview' | 'backups.drives' | 'backups.inFolder' | 'backups.create' | 'backups.open' | 'backups.restore' | 'backups.job' | 'backups.cancel' | 'backups.discard';

export const backupsHandlers: HandlersFor<BackupProcedure> = {
  'backups.overview': (_input, { desk }) => backupJobsOf(desk).overview(desk.requireSession().db),
  'backups.drives': (_input, { desk }) => {
    const jobs = backupJobsOf(desk);
    jobs.requireAdminOrNewDesk();
    return jobs.drives();
  },
  'backups.inFolder': ({ folder }, { desk }) => {
    const jobs = backupJobsOf(desk);
    jobs.requireAdminOrNewDesk();
    return jobs.inFolder(folder);
  },
  'backups.create': ({ folder }, { desk }) => backupJobsOf(desk).backup(folder),
  'backups.open': ({ path, secret }, { desk }) => {
    const jobs = backupJobsOf(desk);
    jobs.requireAdminOrNewDesk();
    return jobs.open(path, secret);
  },
  'backups.restore': ({ confirmation }, { desk }) => {
    const jobs = backupJobsOf(desk);
    jobs.requireAdminOrNewDesk();
    return jobs.restore(confirmation);
  },
  'backups.job': (_input, { desk }) => {
    const jobs = backupJobsOf(desk);
    const view = jobs.view();
    // After a restore the desk is locked: the login screen may still learn that it succeeded.
    if (view?.kind === 'restore' && view.state === 'done' && !desk.currentUser) return { ...view, preview: undefined };
    jobs.requireAdminOrNewDesk();
    return view;
  },
  'backups.cancel': (_input, { desk }) => {
    const jobs = backupJobsOf(desk);
    jobs.requireAdminOrNewDesk();
    return jobs.cancel();
  },
  'backups.discard': async (_input, { desk }) => {
    const jobs = backupJobsOf(desk);
    jobs.requireAdminOrNewDesk();
    await jobs.discard();
    return null;
  },
};
