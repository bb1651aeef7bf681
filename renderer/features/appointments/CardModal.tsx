import { Button, Center, Group, Loader, Modal, Select, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain/accounts';
import type { AppointmentCard } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { directionOf, errorMessage, i18n } from '../../app/i18n';
import { deskFormat } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/icons';
import { notify } from '../../ui/notify';
import { wallDay, wallTime } from './wall';

/**
 * The card the visitor takes home: when, where, her code, the organisation. Discreet on
 * purpose: not a word of listening, psychology, support or violence (a card found by the
 * wrong person must not endanger her). Written in the language chosen for her.
 */
function Card({ card, language, testId }: { card: AppointmentCard; language: Language; testId?: string }) {
  const t: TFunction = useMemo(() => i18n.getFixedT(language), [language]);
  const { timeZone } = useSession();
  const format = useMemo(() => deskFormat(language, timeZone), [language, timeZone]);
  const day = wallDay(card.startsWall);
  // The weekday of a calendar day, read at UTC midnight as every day is: main already gave the desk's day.
  const weekday = new Intl.DateTimeFormat(format.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return (
    <article className="guichet-card" lang={language} dir={directionOf(language)} data-testid={testId}>
      <div className="guichet-card-org">
        <bdi>{card.organisationName}</bdi>
      </div>
      <div>{t('appointmentCard.title')}</div>
      <div className="guichet-card-when">
        {weekday} {format.day(day)} · <bdi dir="ltr">{wallTime(card.startsWall)}</bdi>
      </div>
      <dl>
        <div className="guichet-card-row">
          <dt>{t('appointmentCard.place')}</dt>
          <dd>
            <bdi>{card.placeName}</bdi>
          </dd>
        </div>
        {card.placeAddress ? (
          <div className="guichet-card-row">
            <dt>{t('appointmentCard.address')}</dt>
            <dd>
              <bdi>{card.placeAddress}</bdi>
            </dd>
          </div>
        ) : null}
        <div className="guichet-card-row">
          <dt>{t('appointmentCard.code')}</dt>
          <dd>
            <bdi dir="ltr" className="guichet-mono">
              {card.visitorCode}
            </bdi>
          </dd>
        </div>
      </dl>
      <p>{t('appointmentCard.bring')}</p>
    </article>
  );
}

/** The card shown before printing, in the visitor's language; printing shows the card alone. */
export function CardModal({ appointmentId, initialLanguage, onClose }: { appointmentId: number | null; initialLanguage: Language; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={appointmentId !== null} onClose={onClose} title={t('appointments.card.previewTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {appointmentId !== null ? <CardPreview appointmentId={appointmentId} initialLanguage={initialLanguage} onClose={onClose} /> : null}
    </Modal>
  );
}

function CardPreview({ appointmentId, initialLanguage, onClose }: { appointmentId: number; initialLanguage: Language; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [card, setCard] = useState<{ card: AppointmentCard; language: Language } | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The card is made by main in her language (an audited read): one call per language asked.
  useEffect(() => {
    let current = true;
    void api.appointments.card({ id: appointmentId, language }).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setError(null);
      setCard({ card: result.value, language });
    });
    return () => {
      current = false;
    };
  }, [api, appointmentId, language, t]);

  // The print is recorded once it happened, however it was asked for (the button or Ctrl+P), as the referral slip's is.
  useEffect(() => {
    if (!card) return;
    const recordPrint = () => {
      void api.appointments.cardPrinted({ id: appointmentId, language: card.language }).then((result) => {
        if (!result.ok) notify(t, 'error', errorMessage(t, result.error));
      });
    };
    window.addEventListener('afterprint', recordPrint);
    return () => window.removeEventListener('afterprint', recordPrint);
  }, [api, appointmentId, card, t]);

  const ready = card !== null && card.language === language;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md" className="no-print">
        <Select
          label={t('appointments.card.language')}
          description={t('appointments.card.languageHint')}
          data={LANGUAGES.map((option) => ({ value: option, label: t(`languageNames.${option}`) }))}
          value={language}
          onChange={(value) => value && setLanguage(value as Language)}
          allowDeselect={false}
          w={240}
          data-testid="card-language"
        />
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button leftSection={<Icon name="printer" size={18} />} onClick={() => window.print()} disabled={!ready} data-autofocus>
            {t('appointments.card.print')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert message={error} />
      {card ? (
        <>
          <Center className="guichet-slip-preview">
            <Card card={card.card} language={card.language} testId="card-preview" />
          </Center>
          {createPortal(
            <div className="guichet-print-only" aria-hidden="true">
              <Card card={card.card} language={card.language} />
            </div>,
            document.body,
          )}
        </>
      ) : error ? null : (
        <Center p="xl">
          <Loader size="sm" aria-hidden="true" />
        </Center>
      )}
    </Stack>
  );
}
