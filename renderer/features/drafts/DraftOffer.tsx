import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';

/** Inside a form: "an unfinished draft of this form is kept — resume it or start again". */
export function DraftOffer({ updatedAt, onResume, onDiscard }: { updatedAt: string; onResume(): void; onDiscard(): void }) {
  const { t } = useTranslation();
  const format = useDeskFormat();
  return (
    <Alert color="indigo" variant="light" icon={<Icon name="file" />} title={t('drafts.offerTitle')} data-testid="draft-offer" mb="lg">
      <Text size="sm">{t('drafts.offer', { at: format.instant(updatedAt) })}</Text>
      <Group gap="sm" mt="sm">
        <Button size="xs" onClick={onResume} autoFocus>
          {t('drafts.resume')}
        </Button>
        <ConfirmButton
          size="xs"
          variant="default"
          question={{ title: t('drafts.discardConfirm.title'), message: t('drafts.discardConfirm.message'), confirmLabel: t('drafts.discardConfirm.confirm') }}
          onConfirm={onDiscard}
          testId="draft-discard"
        >
          {t('drafts.discardAndStart')}
        </ConfirmButton>
      </Group>
    </Alert>
  );
}
