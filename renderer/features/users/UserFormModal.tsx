import { Button, Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { UserWithOneTimePassword } from '../../../shared/contract/users';
import { LANGUAGES, ROLES, type UserSummary } from '../../../shared/domain/accounts';
import { mayChangeRolesOf } from '../../../shared/domain/policy';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CheckboxGroupField, LoginField, SelectField, TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { ModalActions } from '../../ui/ModalActions';

interface Props {
  /** `new` to create a user; a user to edit her name and roles. */
  target: 'new' | UserSummary | null;
  onClose(): void;
  onCreated(issued: UserWithOneTimePassword): void;
  onSaved(user: UserSummary): void;
}

export function UserFormModal({ target, onClose, onCreated, onSaved }: Props) {
  const { t } = useTranslation();
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('users.form.editTitle') : t('users.form.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target !== null ? (
        <UserForm key={editing ? editing.id : 'new'} editing={editing} onClose={onClose} onCreated={onCreated} onSaved={onSaved} />
      ) : null}
    </Modal>
  );
}

interface FormProps extends Omit<Props, 'target'> {
  editing: UserSummary | null;
}

function UserForm({ editing, ...props }: FormProps) {
  return editing ? <EditUserForm user={editing} {...props} /> : <CreateUserForm {...props} />;
}

/** The roles, each with what it allows; `disabled` for her own, which someone else changes. */
function RoleChoices({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <CheckboxGroupField name="roles" label={t('users.form.roles')} description={disabled ? t('users.form.ownRolesFixed') : t('users.form.rolesHint')}>
      <Stack gap="sm" mt="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} description={t(`roleDescriptions.${role}`)} disabled={disabled} />
        ))}
      </Stack>
    </CheckboxGroupField>
  );
}

/** `users.create`: her name, login, roles and language; a one-time password comes back. */
function CreateUserForm({ onClose, onCreated }: Omit<FormProps, 'editing'>) {
  const { t } = useTranslation();
  const api = useApi();
  const { language } = useDesk();
  const form = useContractForm(contract['users.create'].input, { defaultValues: { login: '', displayName: '', roles: ['desk'], language } });
  const submit = form.submitTo((values) => api.users.create(values), onCreated);

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <TextField control={form.control} name="displayName" label={t('users.form.displayName')} data-autofocus />
        <LoginField control={form.control} name="login" label={t('users.form.login')} description={t('users.form.loginHint')} />
        <RoleChoices disabled={false} />
        <SelectField
          control={form.control}
          name="language"
          label={t('users.form.language')}
          data={LANGUAGES.map((value) => ({ value, label: t(`languageNames.${value}`) }))}
          allowDeselect={false}
        />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('users.form.create')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}

/** `users.update` without the id: her name, and her roles unless they are the administrator's own. */
const updateSchema = contract['users.update'].input.omit({ id: true });

function EditUserForm({ user, onClose, onSaved }: Omit<FormProps, 'editing'> & { user: UserSummary }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user: me } = useSession();
  // Her own roles are someone else's to change: shown, not editable, and not sent.
  const rolesEditable = mayChangeRolesOf(me, user);
  const form = useContractForm(updateSchema, { defaultValues: { displayName: user.displayName, roles: user.roles } });
  const submit = form.submitTo(
    ({ displayName, roles }) => api.users.update({ id: user.id, displayName, ...(rolesEditable ? { roles } : {}) }),
    onSaved,
  );

  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <TextField control={form.control} name="displayName" label={t('users.form.displayName')} data-autofocus />
        <TextInput label={t('users.form.login')} description={t('users.form.loginFixed')} value={user.login} disabled readOnly dir="ltr" />
        <RoleChoices disabled={!rolesEditable} />
        <ErrorAlert message={form.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={form.busy}>
            {t('common.save')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
