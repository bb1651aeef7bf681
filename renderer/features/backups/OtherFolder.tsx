import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { BackupDriveView } from '../../../shared/domain/backups';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/fields';
import { Form } from '../../ui/Form';
import { useContractForm } from '../../ui/form';

/** A drive the list misses, or a copy kept elsewhere: its folder typed or pasted. */
export function OtherFolder({ onFound }: { onFound(folder: BackupDriveView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useContractForm(contract['backups.inFolder'].input, { defaultValues: { folder: '' } });
  const submit = form.submitTo((values) => api.backups.inFolder(values), onFound);
  return (
    <Form form={form} onSubmit={submit} testId="backup-other-folder">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextField
            control={form.control}
            name="folder"
            label={t('backups.otherFolder.label')}
            description={t('backups.otherFolder.hint')}
            dir="ltr"
            spellCheck={false}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="default" loading={form.busy}>
            {t('backups.otherFolder.submit')}
          </Button>
        </Group>
        <ErrorAlert message={form.alert} />
      </Stack>
    </Form>
  );
}
