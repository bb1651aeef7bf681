import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The languages a person speaks, one badge each, as the lists show them. */
export function SpokenLanguageBadges({ languages }: { languages: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {languages.map((language) => (
        <Badge key={language} size="sm" variant="outline" color="gray" tt="none">
          {t(`spokenLanguages.${language}`)}
        </Badge>
      ))}
    </Group>
  );
}
