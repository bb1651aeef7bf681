import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GBVIMS_TYPES, type ViolenceType } from '../../../shared/domain/visitors';
import { Icon } from '../../ui/icons';

/** The GBVIMS decision tree: the questions in their order; the first "yes" is the primary type. */
export function typeFromAnswers(answers: readonly boolean[]): ViolenceType | null {
  const first = answers.indexOf(true);
  return first >= 0 ? GBVIMS_TYPES[first] : null;
}

interface Props {
  answers: boolean[];
  /** The type the desk worker confirmed, or null while the answers wait for her to confirm them. */
  type: ViolenceType | null;
  onChange(answers: boolean[], type: ViolenceType | null): void;
  error?: string;
}

/**
 * One question at a time, each with a short neutral definition: the desk records
 * what the person said of herself, it does not investigate. The two answers look alike
 * and focus lands on the question, never on a button, so no keystroke answers a question
 * nobody read. The answers are summed up and the type confirmed before it counts; what
 * fits none of the six types is recorded as `unclassified`, never as no disclosure.
 */
export function DisclosureTree({ answers, type, onChange, error }: Props) {
  const { t } = useTranslation();
  const proposed = typeFromAnswers(answers);
  const exhausted = proposed === null && answers.length >= GBVIMS_TYPES.length;
  const current = proposed === null && !exhausted ? GBVIMS_TYPES[answers.length] : null;
  const landing = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    landing.current?.focus();
  }, [answers.length, type]);

  const change = (next: boolean[], confirmed: ViolenceType | null) => {
    moved.current = true;
    onChange(next, confirmed);
  };
  const back = () => {
    const firstYes = answers.indexOf(true);
    change(firstYes >= 0 ? answers.slice(0, firstYes) : answers.slice(0, -1), null);
  };
  const pending = type === null ? (proposed ?? (exhausted ? 'unclassified' : null)) : null;

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="disclosure-tree">
      <Stack gap="md">
        <Text size="sm">{t('disclosure.treeIntro')}</Text>
        {answers.length > 0 ? (
          <List size="sm" spacing={4} type="ordered" data-testid="tree-answers">
            {answers.map((value, index) => (
              <List.Item key={GBVIMS_TYPES[index]}>
                {t(`violenceTypes.${GBVIMS_TYPES[index]}.question`)}{' '}
                <Text span fw={700}>
                  {value ? t('common.yes') : t('common.no')}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : null}
        {current ? (
          <fieldset className="guichet-tree-question" data-testid="tree-question" data-type={current}>
            <legend>
              <Text size="xs" c="dimmed" span>
                {t('disclosure.questionOf', { number: answers.length + 1, total: GBVIMS_TYPES.length })}
              </Text>
            </legend>
            <div ref={landing} tabIndex={-1} className="guichet-landing">
              <Text fw={650}>{t(`violenceTypes.${current}.question`)}</Text>
              <Text size="sm" c="dimmed" mt={4} mb="sm">
                {t(`violenceTypes.${current}.definition`)}
              </Text>
            </div>
            <Group gap="sm">
              <Button variant="default" onClick={() => change([...answers, true], null)}>
                {t('common.yes')}
              </Button>
              <Button variant="default" onClick={() => change([...answers, false], null)}>
                {t('common.no')}
              </Button>
            </Group>
          </fieldset>
        ) : null}
        {pending ? (
          <Paper withBorder radius="md" p="md" data-testid="tree-summary" data-type={pending}>
            <div ref={landing} tabIndex={-1} className="guichet-landing">
              <Text size="sm">{exhausted ? t('disclosure.noneFits') : t('disclosure.summary')}</Text>
              <Text fw={700} mt="xs">
                {t(`violenceTypes.${pending}.label`)}
              </Text>
              {exhausted ? (
                <Text size="sm" c="dimmed" mt={4}>
                  {t('violenceTypes.unclassified.definition')}
                </Text>
              ) : null}
            </div>
            <Group gap="sm" mt="md">
              <Button variant="default" leftSection={<Icon name="check" size={18} />} onClick={() => change(answers, pending)}>
                {exhausted ? t('disclosure.recordUnclassified') : t('disclosure.confirm')}
              </Button>
            </Group>
          </Paper>
        ) : null}
        {type ? (
          <Alert color="grape" variant="light" icon={<Icon name="check" />} title={t('disclosure.result')} data-testid="tree-result" data-type={type}>
            <div ref={landing} tabIndex={-1} className="guichet-landing">
              <Text fw={700}>{t(`violenceTypes.${type}.label`)}</Text>
              <Text size="sm" mt={4}>
                {t('disclosure.resultOrientation')}
              </Text>
            </div>
          </Alert>
        ) : null}
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {pending ? t('disclosure.toConfirm') : error}
          </Text>
        ) : null}
        {answers.length > 0 ? (
          <Group>
            <Button variant="subtle" size="xs" leftSection={<Icon name="arrowBack" size={18} />} onClick={back}>
              {type ? t('disclosure.change') : t('disclosure.back')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
