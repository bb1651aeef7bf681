import { useState } from 'react';
import type { SessionUser } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useFormErrors } from '../../ui/form';

/**
 * The state and submission of "choose a new password" (current, new, confirmation),
 * shared by My account and the forced change after a one-time password.
 */
export function usePasswordChange(onChanged: (user: SessionUser) => void | Promise<void>) {
  const api = useApi();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['currentPassword', 'newPassword', 'confirm']);

  const submit = async () => {
    errors.clear();
    if (newPassword !== confirm) {
      errors.failField('confirm', 'confirm.mismatch');
      return;
    }
    setBusy(true);
    const result = await api.account.changePassword({ currentPassword, newPassword });
    setBusy(false);
    if (!result.ok) {
      errors.fail(result.error);
      return;
    }
    setCurrentPassword('');
    setNewPassword('');
    setConfirm('');
    await onChanged(result.value);
  };

  return { currentPassword, setCurrentPassword, newPassword, setNewPassword, confirm, setConfirm, busy, errors, submit };
}
