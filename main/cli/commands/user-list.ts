import type { UserSummary } from '../../../shared/domain/accounts';
import { EXIT_OK, type Command } from '../command';
import { DATA_OPTION, dataDirOf } from '../options';
import { printTable } from '../output';
import { logInAsAdministrator, withDesk } from '../session';
import { t } from '../texts';

/** Roles stay as `--roles` takes them, so that what the list shows can be typed back. */
function statusOf(user: UserSummary): string {
  if (user.status === 'disabled') return t('users.status.disabled');
  return user.mustChangePassword ? t('users.status.mustChangePassword') : t('users.status.active');
}

export const userList: Command = {
  name: 'user list',
  summary: 'cli.userList.summary',
  options: [DATA_OPTION],
  env: ['login', 'password'],
  async run(args) {
    return withDesk(dataDirOf(args), 'setUp', async (desk) => {
      await logInAsAdministrator(desk);
      const users = await desk.call('users.list', {});
      printTable([
        [t('users.table.login'), t('users.table.name'), t('users.table.roles'), t('users.table.status'), t('users.table.lastLogin')],
        ...users.map((u) => [u.login, u.displayName, u.roles.join(','), statusOf(u), u.lastLoginAt?.slice(0, 16).replace('T', ' ') ?? '-']),
      ]);
      return EXIT_OK;
    });
  },
};
