import type { Role } from '../domain/accounts';
import { contract, type ProcedureName } from './index';

/**
 * Whether a user may call a procedure, as the router will judge it: from the access the
 * contract declares, never from a list of roles kept elsewhere. The renderer offers a
 * place or a button only when its call would be accepted.
 */
export function mayCall(user: { roles: readonly Role[] } | null, name: ProcedureName): boolean {
  const { access } = contract[name];
  if (access === 'public') return true;
  if (access === 'adminOrNewDesk') return user ? user.roles.includes('admin') : true;
  if (!user) return false;
  if (access === 'session') return true;
  return access.some((role) => user.roles.includes(role));
}
