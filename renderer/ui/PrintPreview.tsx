import { Box, Button, Center, Group, Loader, Select, Stack } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/accounts';
import type { Result } from '../../shared/errors';
import { errorMessage } from '../app/i18n';
import { ErrorAlert } from './ErrorAlert';
import { Icon } from './icons';
import { notify } from './notify';

interface Props {
  labels: { language: string; languageHint: string; print: string };
  testIds: { language: string; preview: string };
  language: Language;
  onLanguage(language: Language): void;
  /** What is printed, or null while it loads; drawn twice: the preview (with its test id) and the page the printer gets. */
  printable: ((testId?: string) => ReactNode) | null;
  error: string | null;
  /** Records the print once it happened, however it was asked for (the button or Ctrl+P): `afterprint`. */
  onPrinted(): Promise<Result<unknown>>;
  centered?: boolean;
  onClose(): void;
}

/**
 * A document the desk prints for a visitor in her language (the referral slip, the
 * appointment card): the language and the print button above it, so that printing never
 * needs a scroll, its preview, and the page alone for the printer (`guichet-print-only`).
 */
export function PrintPreview({ labels, testIds, language, onLanguage, printable, error, onPrinted, centered = false, onClose }: Props) {
  const { t } = useTranslation();
  const ready = printable !== null;
  useEffect(() => {
    if (!ready) return;
    const recordPrint = () => {
      void onPrinted().then((result) => {
        if (!result.ok) notify(t, 'error', errorMessage(t, result.error));
      });
    };
    window.addEventListener('afterprint', recordPrint);
    return () => window.removeEventListener('afterprint', recordPrint);
  }, [ready, onPrinted, t]);

  const Frame = centered ? Center : Box;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md" className="no-print">
        <Select
          label={labels.language}
          description={labels.languageHint}
          data={LANGUAGES.map((option) => ({ value: option, label: t(`languageNames.${option}`) }))}
          value={language}
          onChange={(value) => value && onLanguage(value as Language)}
          allowDeselect={false}
          w={240}
          data-testid={testIds.language}
        />
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button leftSection={<Icon name="printer" size={18} />} onClick={() => window.print()} disabled={!ready} data-autofocus>
            {labels.print}
          </Button>
        </Group>
      </Group>
      <ErrorAlert message={error} />
      {printable ? (
        <>
          <Frame className="guichet-slip-preview">{printable(testIds.preview)}</Frame>
          {createPortal(
            <div className="guichet-print-only" aria-hidden="true">
              {printable()}
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
