import { Button, Modal, type ModalProps } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from './ModalActions';

/** What a create/edit dialog is open for: a new record, one to edit, or nothing (closed). */
export type RecordTarget<T> = 'new' | T | null;

interface Props<T extends { id: number }> {
  target: RecordTarget<T>;
  onClose(): void;
  titles: { create: string; edit: string };
  size?: ModalProps['size'];
  /** The form, given the record it edits (null for a new one). */
  children(editing: T | null): ReactNode;
}

/**
 * The dialog that creates or edits one record of a list. Its form is mounted anew for each
 * record it opens on (keyed by the record), so no value from the last one is left over.
 */
export function RecordFormModal<T extends { id: number }>({ target, onClose, titles, size, children }: Props<T>) {
  const { t } = useTranslation();
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <Modal opened={target !== null} onClose={onClose} title={editing ? titles.edit : titles.create} size={size} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {target !== null ? <Fragment key={editing ? editing.id : 'new'}>{children(editing)}</Fragment> : null}
    </Modal>
  );
}

/** The foot of a record's form: Cancel, and Save (or the create label for a new record). */
export function RecordFormActions({ editing, createLabel, busy, onCancel }: { editing: boolean; createLabel: string; busy: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <ModalActions onCancel={onCancel}>
      <Button type="submit" loading={busy}>
        {editing ? t('common.save') : createLabel}
      </Button>
    </ModalActions>
  );
}
