import { z } from 'zod';
import { procedure } from './define';
import { ADMIN_ROLES } from '../domain/accounts';

export const keysProcedures = {
  /**
   * Replaces the database's data key: re-encrypts the database and re-seals the key to
   * every slot, so that no copy of the vault made before (a departed colleague's slot in
   * it) opens the data any more. Passwords and the recovery key keep working.
   */
  'keys.rotate': procedure<{ generation: number }>()({
    input: z.object({}),
    access: ADMIN_ROLES,
    audit: { kind: 'write', entity: 'vault' },
    atomic: false,
  }),
};
