import { useRef, useState } from 'react';
import type { SessionUser } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useFormErrors } from '../../ui/form';
import { useLoginFailure } from '../../ui/LoginFailure';

/**
 * Logging in with a password, shared by the login and the lock screens: the wrong
 * password is cleared and focused again, and a throttled desk refuses to submit
 * until its countdown is over.
 */
export function usePasswordLogin(fields: string[], onSignedIn: (user: SessionUser) => void) {
  const api = useApi();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errors = useFormErrors(fields);
  const failure = useLoginFailure(errors.error && !errors.error.fields ? errors.error : null, errors.failedAt);

  const submit = async (login: string) => {
    if (failure.waiting) return;
    setBusy(true);
    const result = await api.auth.login({ login, password });
    setBusy(false);
    if (!result.ok) {
      errors.fail(result.error);
      setPassword('');
      if (result.error.code !== 'call.invalidInput') passwordRef.current?.focus();
      return;
    }
    errors.clear();
    onSignedIn(result.value);
  };

  return { password, setPassword, busy, passwordRef, errors, failure, submit };
}
