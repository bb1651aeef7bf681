import { Modal } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/accounts';
import type { ReferralSlip } from '../../../shared/domain/referrals';
import { formatPhone } from '../../../shared/domain/phone';
import { useApi } from '../../app/api';
import { useDesk, useSession } from '../../app/desk';
import { directionOf, errorMessage, i18n } from '../../app/i18n';
import { deskFormat } from '../../ui/dates';
import { PrintPreview } from '../../ui/PrintPreview';

interface SlipProps {
  slip: ReferralSlip;
  language: Language;
  testId?: string;
}

/**
 * The paper the person takes to the partner: who, where, for what, in which language. Never
 * a word about violence. Written in the partner's language, whatever the desk worker's.
 */
function Slip({ slip, language, testId }: SlipProps) {
  const { timeZone } = useSession();
  const t: TFunction = useMemo(() => i18n.getFixedT(language), [language]);
  const format = useMemo(() => deskFormat(language, timeZone), [language, timeZone]);
  const languages = slip.languages.map((code) => t(`spokenLanguages.${code}`)).join(t('common.listSeparator'));
  const rows: [string, ReactNode][] = [
    [t('slip.code'), <bdi dir="ltr" className="guichet-mono">{slip.visitorCode}</bdi>],
    [t('slip.name'), slip.visitorName ? <bdi>{slip.visitorName}</bdi> : t('slip.noName')],
    [t('slip.service'), t(`needs.${slip.service}`)],
    [t('slip.date'), format.day(slip.referredOn)],
    [t('slip.languages'), languages || t('slip.none')],
    [t('slip.interpreter'), slip.interpreterLanguage ? t(`spokenLanguages.${slip.interpreterLanguage}`) : t('slip.noInterpreter')],
  ];
  return (
    <article className="guichet-slip" data-testid={testId} lang={language} dir={directionOf(language)}>
      <header className="guichet-slip-header">
        <div>
          <div className="guichet-slip-org">
            <bdi>{slip.organisation ?? t('app.name')}</bdi>
          </div>
          <h2 className="guichet-slip-title">{t('slip.title')}</h2>
        </div>
        <div className="guichet-slip-number">{t('slip.number', { number: slip.referralId })}</div>
      </header>
      <section className="guichet-slip-partner">
        <div className="guichet-slip-label">{t('slip.to')}</div>
        <div className="guichet-slip-partner-name">
          <bdi>{slip.partner.name}</bdi>
        </div>
        {slip.partner.address ? (
          <div>
            <bdi>{slip.partner.address}</bdi>
          </div>
        ) : null}
        {slip.partner.phone ? (
          <div>
            <bdi dir="ltr">{formatPhone(slip.partner.phone)}</bdi>
          </div>
        ) : null}
      </section>
      <dl className="guichet-slip-rows">
        {rows.map(([label, value]) => (
          <div key={label} className="guichet-slip-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <footer className="guichet-slip-footer">
        <div>
          <div className="guichet-slip-label">{t('slip.issuedBy')}</div>
          <div>
            <bdi>{slip.issuedBy}</bdi>
          </div>
        </div>
        <div className="guichet-slip-signature">{t('slip.signature')}</div>
      </footer>
      <p className="guichet-slip-note">{t('slip.confidential')}</p>
    </article>
  );
}

/**
 * The slip, shown before printing. Printing shows nothing but the slip: a copy of it is
 * placed on its own at the end of the page, and the print style hides everything else.
 */
export function SlipModal({ referralId, onClose }: { referralId: number | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={referralId !== null}
      onClose={onClose}
      title={t('slip.previewTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {referralId !== null ? <SlipPreview key={referralId} referralId={referralId} onClose={onClose} /> : null}
    </Modal>
  );
}

function SlipPreview({ referralId, onClose }: { referralId: number; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const desk = useDesk();
  const [slip, setSlip] = useState<ReferralSlip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>(desk.language);

  useEffect(() => {
    let current = true;
    void api.referrals.slip({ id: referralId }).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(errorMessage(t, result.error));
      setSlip(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, referralId, t]);

  return (
    <PrintPreview
      labels={{ language: t('slip.language'), languageHint: t('slip.languageHint'), print: t('slip.print') }}
      testIds={{ language: 'slip-language', preview: 'slip-preview' }}
      language={language}
      onLanguage={setLanguage}
      printable={slip ? (testId?: string) => <Slip slip={slip} language={language} testId={testId} /> : null}
      error={error}
      onPrinted={() => api.referrals.slipPrinted({ id: referralId, language })}
      onClose={onClose}
    />
  );
}
