import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { calendarDateIn } from '../../../shared/domain/calendar';
import { useSession } from '../../app/desk';
import { destinationsFor } from '../../app/navigation';
import { useDeskFormat } from '../../ui/format';
import { Icon } from '../../ui/icons';

/** Greets her, says who she is here and what day it is at the desk, and where she can go. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, timeZone } = useSession();
  const format = useDeskFormat();
  const places = destinationsFor(user).filter((destination) => destination.key !== 'home');

  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap={6}>
        <Text c="dimmed" size="sm" data-testid="home-date">
          {format.day(calendarDateIn(timeZone))}
        </Text>
        <Title order={1} size="h2">
          {t('home.greeting', { name: user.displayName })}
        </Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('home.yourRoles')}
          </Text>
          {user.roles.map((role) => (
            <Badge key={role} variant="light" data-testid="home-role">
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {places.map((place) => (
          <Card
            key={place.key}
            component={Link}
            to={place.path}
            withBorder
            radius="lg"
            padding="lg"
            className="guichet-card-link"
          >
            <Stack gap="sm">
              <ThemeIcon variant="light" size={44} radius="md">
                <Icon name={place.icon} size={24} />
              </ThemeIcon>
              <Text fw={650} size="lg">
                {t(`nav.${place.key}`)}
              </Text>
              <Text size="sm" c="dimmed">
                {t(`navDescriptions.${place.key}`)}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
