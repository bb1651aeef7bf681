import type { Command } from '../command';
import { auditVerify } from './audit-verify';
import { backupCreate } from './backup-create';
import { backupList } from './backup-list';
import { backupRestore } from './backup-restore';
import { backupVerify } from './backup-verify';
import { init } from './init';
import { keyRotate } from './key-rotate';
import { recover } from './recover';
import { seed } from './seed';
import { status } from './status';
import { userAdd } from './user-add';
import { userDisable } from './user-disable';
import { userEnable } from './user-enable';
import { userList } from './user-list';
import { userResetPassword } from './user-reset-password';

/** In the order the help lists them. */
export const COMMANDS: readonly Command[] = [init, status, userList, userAdd, userDisable, userEnable, userResetPassword, auditVerify, keyRotate, backupCreate, backupList, backupVerify, backupRestore, seed, recover];
