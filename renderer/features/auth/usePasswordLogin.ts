import type { BaseSyntheticEvent } from 'react';
import { contract } from '../../../shared/contract';
import type { SessionUser } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useContractForm } from '../../ui/form';
import { useLoginFailure } from '../../ui/LoginFailure';

/**
 * Logging in with a password, shared by the login screen (which asks for the login) and
 * the lock screen (which knows it): `auth.login`'s own schema. A wrong password is
 * cleared and focused again, and a throttled desk refuses to submit until its countdown
 * is over.
 */
export function usePasswordLogin(login: string, onSignedIn: (user: SessionUser) => void) {
  const api = useApi();
  const form = useContractForm(contract['auth.login'].input, { defaultValues: { login, password: '' } });
  const refused = form.failure && !form.failure.error.fields ? form.failure : null;
  const failure = useLoginFailure(refused?.error ?? null, refused?.at ?? null);
  const send = form.submitTo(
    (values) => api.auth.login(values),
    (user) => onSignedIn(user),
    (error) => {
      form.setValue('password', '');
      if (error.code !== 'call.invalidInput') form.setFocus('password');
    },
  );
  const submit = async (event?: BaseSyntheticEvent) => {
    if (!failure.waiting) return send(event);
    event?.preventDefault();
  };
  return { form, failure, submit };
}
