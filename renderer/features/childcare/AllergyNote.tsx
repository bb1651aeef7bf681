import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';

/** Allergies at a glance: the words first, a warning icon as a second cue; "none recorded" plainly. */
export function AllergyNote({ allergies }: { allergies: string | null }) {
  const { t } = useTranslation();
  if (!allergies) {
    return (
      <Text size="sm" c="dimmed">
        {t('childcare.allergies.none')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="allergy">
      <Text c="red.8" component="span" lh={1} mt={2}>
        <Icon name="alert" size={18} />
      </Text>
      <Text size="sm" fw={600} c="red.9">
        {t('childcare.allergies.label')} <bdi>{allergies}</bdi>
      </Text>
    </Group>
  );
}
