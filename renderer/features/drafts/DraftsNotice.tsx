import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useApi } from '../../app/api';
import { useDeskFormat } from '../../ui/format';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Icon } from '../../ui/icons';
import { useDrafts, type DraftSummary } from './DraftsContext';
import { draftForm, type ResumeState } from './forms';
import { isolatedT } from '../../ui/isolated';

/** The unfinished forms that a page of the app can take up again, but the one on screen (it offers its own draft). */
export function useResumableDrafts(): DraftSummary[] {
  const { drafts } = useDrafts();
  const location = useLocation();
  return drafts.filter((draft) => {
    const { path } = draftForm(draft.form);
    return path !== null && path !== location.pathname;
  });
}

/** One line per unfinished form: what it is, when it was left, to take up again or drop. */
export function DraftItems({ drafts }: { drafts: DraftSummary[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { reload } = useDrafts();
  const navigate = useNavigate();
  const format = useDeskFormat();

  const describe = (draft: DraftSummary) => {
    const { kind } = draftForm(draft.form);
    const at = format.instant(draft.updatedAt);
    if (kind === 'intake') return isolatedT(t, 'drafts.unfinishedIntake', { code: draft.label ?? '', at }, ['code']);
    return t('drafts.unfinishedRegistration', { at });
  };

  return (
    <Stack gap="xs" data-testid="drafts-notice">
      {drafts.map((draft) => (
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
              <ConfirmButton
                size="xs"
                variant="default"
                question={{ title: t('drafts.discardConfirm.title'), message: t('drafts.discardConfirm.message'), confirmLabel: t('drafts.discardConfirm.confirm') }}
                onConfirm={() => api.drafts.discard({ form: draft.form }).then(reload)}
              >
                {t('drafts.discard')}
              </ConfirmButton>
            </Group>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}

/**
 * At the top of every page: the forms she left unfinished (a lock in the middle of
 * an intake), to take up again or drop. The home page lists them in a section of its own.
 */
export function DraftsNotice() {
  const shown = useResumableDrafts();
  const location = useLocation();
  if (shown.length === 0 || location.pathname === '/') return null;
  return (
    <Box mb="lg">
      <DraftItems drafts={shown} />
    </Box>
  );
}
