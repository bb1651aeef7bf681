import { Modal } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/accounts';
import type { AppointmentCard } from '../../../shared/domain/listening';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { directionOf, errorMessage, i18n } from '../../app/i18n';
import { deskFormat } from '../../ui/dates';
import { PrintPreview } from '../../ui/PrintPreview';
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

  return (
    <PrintPreview
      labels={{ language: t('appointments.card.language'), languageHint: t('appointments.card.languageHint'), print: t('appointments.card.print') }}
      testIds={{ language: 'card-language', preview: 'card-preview' }}
      language={language}
      onLanguage={setLanguage}
      // Until main has made it in the language asked, nothing is offered to print.
      printable={card !== null && card.language === language ? (testId?: string) => <Card card={card.card} language={card.language} testId={testId} /> : null}
      error={error}
      onPrinted={() => api.appointments.cardPrinted({ id: appointmentId, language })}
      centered
      onClose={onClose}
    />
  );
}
