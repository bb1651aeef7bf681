import { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { SessionUser } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useContractForm } from '../../ui/form';

/** `account.changePassword`, and the new password typed twice. */
const changePasswordSchema = contract['account.changePassword'].input
  .extend({ confirm: z.string() })
  .refine((values) => values.newPassword === values.confirm, { error: 'confirm.mismatch', path: ['confirm'] });

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/**
 * "Choose a new password" (current, new, confirmation), shared by My account and the
 * forced change after a one-time password. The passwords leave the form once changed.
 */
export function usePasswordChange(onChanged: (user: SessionUser) => unknown) {
  const api = useApi();
  const form = useContractForm(changePasswordSchema, { defaultValues: EMPTY });
  const submit = form.submitTo(
    ({ confirm: _confirm, ...input }) => api.account.changePassword(input),
    async (user) => {
      form.reset(EMPTY);
      await onChanged(user);
    },
  );
  return { form, submit };
}
