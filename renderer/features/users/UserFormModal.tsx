import { Button, Checkbox, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserWithOneTimePassword } from '../../../shared/contract/users';
import { LANGUAGES, ROLES, type Language, type Role, type UserSummary } from '../../../shared/domain/accounts';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { mayChangeRolesOf } from '../../../shared/domain/policy';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormErrors } from '../../ui/form';
import { Form } from '../../ui/Form';
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

/** Its state starts from the user being edited: a new key, a fresh form. */
function UserForm({ editing, onClose, onCreated, onSaved }: FormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const { language: currentLanguage } = useDesk();
  const { user: me } = useSession();
  // Her own roles are someone else's to change: shown, not editable, and not sent.
  const rolesEditable = editing === null || mayChangeRolesOf(me, editing);
  const [login, setLogin] = useState(editing?.login ?? '');
  const [displayName, setDisplayName] = useState(editing?.displayName ?? '');
  const [roles, setRoles] = useState<Role[]>(editing?.roles ?? ['desk']);
  const [language, setLanguage] = useState<Language>(editing?.language ?? currentLanguage);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['login', 'displayName', 'roles', 'language']);

  const submit = async () => {
    setBusy(true);
    if (editing) {
      const result = await api.users.update({ id: editing.id, displayName, ...(rolesEditable ? { roles } : {}) });
      setBusy(false);
      if (!result.ok) return errors.fail(result.error);
      onSaved(result.value);
    } else {
      const result = await api.users.create({ login, displayName, roles, language });
      setBusy(false);
      if (!result.ok) return errors.fail(result.error);
      onCreated(result.value);
    }
  };

  return (
    <Form errors={errors} onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label={t('users.form.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={errors.field('displayName')}
          data-autofocus
        />
        <TextInput
          label={t('users.form.login')}
          description={editing ? t('users.form.loginFixed') : t('users.form.loginHint')}
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          error={errors.field('login')}
          disabled={editing !== null}
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
        />
        <Checkbox.Group
          label={t('users.form.roles')}
          description={rolesEditable ? t('users.form.rolesHint') : t('users.form.ownRolesFixed')}
          value={roles}
          onChange={(next) => setRoles(next as Role[])}
          error={errors.field('roles')}
        >
          <Stack gap="sm" mt="xs">
            {ROLES.map((role) => (
              <Checkbox
                key={role}
                value={role}
                label={t(`roles.${role}`)}
                description={t(`roleDescriptions.${role}`)}
                disabled={!rolesEditable}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {editing ? null : (
          <Select
            label={t('users.form.language')}
            value={language}
            onChange={(next) => next && setLanguage(next as Language)}
            data={LANGUAGES.map((value) => ({ value, label: t(`languageNames.${value}`) }))}
            allowDeselect={false}
            error={errors.field('language')}
          />
        )}
        <ErrorAlert message={errors.alert} />
        <ModalActions onCancel={onClose}>
          <Button type="submit" loading={busy}>
            {editing ? t('common.save') : t('users.form.create')}
          </Button>
        </ModalActions>
      </Stack>
    </Form>
  );
}
