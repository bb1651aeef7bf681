import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useApi } from '../../app/api';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { useDrafts, type DraftSummary } from './DraftsContext';
import { draftForm, type ResumeState } from './forms';

/**
 * At the top of every page: the forms she left unfinished (a lock in the middle of
 * an intake), to take up again or drop. The form on screen offers its own draft itself.
 */
export function DraftsNotice() {
  const { t } = useTranslation();
  const api = useApi();
  const { drafts, reload } = useDrafts();
  const location = useLocation();
  const navigate = useNavigate();
  const format = useDeskFormat();

  const shown = drafts.filter((draft) => {
    const { path } = draftForm(draft.form);
    return path !== null && path !== location.pathname;
  });
  if (shown.length === 0) return null;

  const describe = (draft: DraftSummary) => {
    const { kind } = draftForm(draft.form);
    const at = format.instant(draft.updatedAt);
    if (kind === 'intake') return t('drafts.unfinishedIntake', { code: draft.label ?? '', at });
    return t('drafts.unfinishedRegistration', { at });
  };

  return (
    <Stack gap="xs" mb="lg" data-testid="drafts-notice">
      {shown.map((draft) => (
        <Alert key={draft.form} color="indigo" variant="light" icon={<Icon name="file" />} role="status" py="xs">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm">{describe(draft)}</Text>
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => {
                  const state: ResumeState = { resumeDraft: draft.form };
                  navigate(draftForm(draft.form).path ?? '/', { state });
                }}
              >
                {t('drafts.resume')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => void api.drafts.discard({ form: draft.form }).then(reload)}
              >
                {t('drafts.discard')}
              </Button>
            </Group>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
