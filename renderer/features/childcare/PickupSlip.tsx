import { Button, Modal, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/accounts';
import type { BookingView, PickupSlip } from '../../../shared/domain/childcare';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { directionOf, errorMessage, i18n } from '../../app/i18n';
import { deskFormat } from '../../ui/dates';
import { PrintPreview } from '../../ui/PrintPreview';
import { wallTime } from '../appointments/wall';
import './childcare.css';

/**
 * The slip the adult keeps to collect the child: the code, the day, the time to come back,
 * the place's card name, the organisation. Not a word of the child, not even her first
 * name: a slip dropped in the street must not say whose child is where, nor that a child is
 * left anywhere; the code alone is useless without an adult on her list (or a desk worker).
 */
function Slip({ slip, language, testId }: { slip: PickupSlip; language: Language; testId?: string }) {
  const t: TFunction = useMemo(() => i18n.getFixedT(language), [language]);
  const { timeZone } = useSession();
  const format = useMemo(() => deskFormat(language, timeZone), [language, timeZone]);
  return (
    <article className="guichet-pickup-slip" lang={language} dir={directionOf(language)} data-testid={testId}>
      <div className="guichet-pickup-slip-org">
        <bdi>{slip.organisationName}</bdi>
      </div>
      <div>{t('childcare.slip.codeLabel')}</div>
      <div className="guichet-pickup-code" dir="ltr">
        {slip.pickupCode}
      </div>
      <div>
        {t('childcare.slip.until', { day: format.day(slip.day), time: wallTime(slip.endsWall) })}
      </div>
      <div>
        <bdi>{slip.placeName}</bdi>
      </div>
      <p className="guichet-pickup-slip-note">{t('childcare.slip.note')}</p>
    </article>
  );
}

/** Just checked in: the code, large, to read out; then the slip, printed in the adult's language. */
export function CheckedInModal({ booking, childLabel, onClose }: { booking: BookingView | null; childLabel: string; onClose(): void }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const close = () => {
    setPrinting(false);
    onClose();
  };
  return (
    <Modal opened={booking !== null} onClose={close} title={printing ? t('childcare.slip.previewTitle') : t('childcare.checkIn.title', { child: childLabel })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {booking && !printing ? (
        <Stack gap="md" align="center" data-testid="checked-in">
          <Text size="sm">{t('childcare.checkIn.codeIs')}</Text>
          <div className="guichet-pickup-code" dir="ltr" data-testid="pickup-code">
            {booking.pickupCode}
          </div>
          <Text size="sm" c="dimmed" ta="center">
            {t('childcare.checkIn.hint')}
          </Text>
          <Button onClick={() => setPrinting(true)} data-autofocus>
            {t('childcare.checkIn.printSlip')}
          </Button>
        </Stack>
      ) : null}
      {booking && printing ? <SlipPreview bookingId={booking.id} onClose={close} /> : null}
    </Modal>
  );
}

function SlipPreview({ bookingId, onClose }: { bookingId: number; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { language: own } = useDesk();
  const [language, setLanguage] = useState<Language>(own);
  const [slip, setSlip] = useState<{ slip: PickupSlip; language: Language } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api.childcare.slip({ bookingId, language }).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setError(null);
      setSlip({ slip: result.value, language });
    });
    return () => {
      current = false;
    };
  }, [api, bookingId, language, t]);
  const printed = useCallback(() => api.childcare.slipPrinted({ bookingId, language }), [api, bookingId, language]);
  return (
    <PrintPreview
      labels={{ language: t('childcare.slip.language'), languageHint: t('childcare.slip.languageHint'), print: t('childcare.slip.print') }}
      testIds={{ language: 'slip-language', preview: 'pickup-slip-preview' }}
      language={language}
      onLanguage={setLanguage}
      printable={slip !== null && slip.language === language ? (testId?: string) => <Slip slip={slip.slip} language={slip.language} testId={testId} /> : null}
      error={error}
      onPrinted={printed}
      centered
      onClose={onClose}
    />
  );
}
