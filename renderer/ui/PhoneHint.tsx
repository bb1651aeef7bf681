import { useTranslation } from 'react-i18next';
import { formatPhone, normalisePhone } from '../../shared/domain/phone';

/** Under a phone field: the number as it will be kept, or a calm word that it is not recognised yet. */
export function PhoneHint({ phone }: { phone: string }) {
  const { t } = useTranslation();
  if (!phone.trim()) return <>{t('visitorFields.phoneHint')}</>;
  const normalised = normalisePhone(phone);
  return normalised ? (
    <span data-testid="phone-normalised">
      {t('visitorFields.phoneNormalised')}{' '}
      <bdi dir="ltr" className="guichet-strong">
        {formatPhone(normalised)}
      </bdi>
    </span>
  ) : (
    <>{t('visitorFields.phoneUnrecognised')}</>
  );
}
