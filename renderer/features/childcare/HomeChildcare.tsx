import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mayCall } from '../../../shared/contract/access';
import { useSession } from '../../app/desk';
import { OffersList } from './OffersList';
import { useBoard } from './useBoard';

/** The childcare on the home page: how many children are in, and the offers waiting for an answer. */
export function HomeChildcare() {
  const { user } = useSession();
  const shown = mayCall(user, 'childcare.board');
  return shown ? <HomeChildcareToday /> : null;
}

function HomeChildcareToday() {
  const { t } = useTranslation();
  const { board, reload } = useBoard();
  if (!board) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-childcare" data-testid="home-childcare">
      <Title order={2} size="h4" id="home-childcare">
        {t('childcare.home.title')}
      </Title>
      <Text size="sm" data-testid="home-childcare-count">
        {t('childcare.home.inNow', { count: board.children.length })}
      </Text>
      <OffersList offers={board.offers} slots={board.slots} onChanged={reload} headingOrder={3} />
      <Anchor component={Link} to="/childcare/board" size="sm" w="fit-content">
        {t('childcare.home.openBoard')}
      </Anchor>
    </Stack>
  );
}
