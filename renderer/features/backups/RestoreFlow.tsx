import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { BackupJobView, BackupPreview } from '../../../shared/domain/backups';
import type { ErrorInfo } from '../../../shared/errors';
import { useApi } from '../../app/api';
import { errorMessage } from '../../app/i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';
import { JobProgress } from './JobProgress';
import { PreviewDetails } from './PreviewDetails';
import { SecretForm, type SecretTry } from './SecretForm';
import { useBackupJob } from './useBackupJob';

export interface ChosenBackup {
  path: string;
  file: string;
}

interface Props {
  backup: ChosenBackup;
  /** A desk with data: it is first kept as a safety copy. On a new machine nothing is replaced. */
  replaces: boolean;
  /** Back to the list; the opened backup is already forgotten. */
  onClose(): void;
  /** Main swapped the backup in and locked the desk: the login screen comes next. */
  onRestored(): void;
  /** Told while a job runs: the frame around must not be closed then. */
  onRunning?(running: boolean): void;
}

/** The word shown and typed: the user's language's, which main accepts among its own. */
function ConfirmForm({ onStarted, failure }: { onStarted(job: BackupJobView): void; failure: ErrorInfo | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const word = t('backups.restore.confirmWord');
  const schema = contract['backups.restore'].input.refine((v) => v.confirmation === word, { error: 'backup.confirmationMismatch', path: ['confirmation'] });
  const form = useContractForm(schema, { defaultValues: { confirmation: '' } });
  const submit = form.submitTo((values) => api.backups.restore(values), onStarted);
  return (
    <Form form={form} onSubmit={submit} testId="backup-confirm-form">
      <Stack gap="sm">
        <Text size="sm">
          {t('backups.restore.confirmIntro')}{' '}
          <Text span fw={700} fz="md">
            <bdi>{word}</bdi>
          </Text>
        </Text>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextField
            control={form.control}
            name="confirmation"
            label={t('backups.restore.confirmLabel', { word })}
            autoComplete="off"
            spellCheck={false}
            dir="auto"
            autoFocus
            style={{ flex: 1 }}
          />
          <Button type="submit" color="red" loading={form.busy} data-testid="backup-restore">
            {t('backups.restore.submit')}
          </Button>
        </Group>
        <ErrorAlert message={failure ? errorMessage(t, failure) : form.alert} />
      </Stack>
    </Form>
  );
}

/**
 * Restoring one backup, step by step: the secret that opens it, its full check, the
 * preview, the typed word, then the safety copy and the swap. A refusal at any step says
 * why, nothing is changed, and she may try again; Discard forgets the opened backup.
 */
export function RestoreFlow({ backup, replaces, onClose, onRestored, onRunning }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  // After a refusal the form comes back as she left it (the way she chose, the login), never with the secret.
  const [lastTry, setLastTry] = useState<SecretTry>({ kind: 'recovery', login: '' });
  const { job, follow, cancel } = useBackupJob({
    onEnded: (ended) => {
      if (ended.kind === 'restore' && ended.state === 'done') {
        onRestored();
      } else if (ended.kind === 'open' && ended.state === 'done' && ended.preview) {
        setPreview(ended.preview);
        setFailure(null);
      } else if (ended.state === 'failed') {
        setFailure(ended.error ?? { code: 'call.internal' });
      }
    },
  });

  const discard = async () => {
    await api.backups.discard({});
    onClose();
  };

  const running = job?.state === 'running' ? job : null;
  const isRunning = running !== null;
  useEffect(() => {
    onRunning?.(isRunning);
  }, [isRunning, onRunning]);

  return (
    <Stack gap="md" data-testid="restore-flow">
      <Text size="sm" c="dimmed" data-testid="restore-file">
        <bdi dir="ltr">{backup.file}</bdi>
      </Text>
      {running ? (
        <JobProgress job={running} onCancel={() => void cancel()} />
      ) : preview ? (
        <>
          <PreviewDetails preview={preview} replaces={replaces} />
          <ConfirmForm onStarted={follow} failure={failure} />
        </>
      ) : (
        <SecretForm
          path={backup.path}
          failure={failure}
          initial={lastTry}
          onStarted={(view, tried) => {
            setFailure(null);
            setLastTry(tried);
            follow(view);
          }}
        />
      )}
      {running ? null : (
        <Group justify="flex-start">
          <Button variant="subtle" color="gray" onClick={() => void discard()} data-testid="backup-discard">
            {preview ? t('backups.restore.discard') : t('backups.restore.back')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
