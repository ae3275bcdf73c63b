import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import './sync.css';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** 'alertdialog' for confirmations that interrupt the user. */
  role?: 'dialog' | 'alertdialog';
  className?: string;
  /** Where focus goes on opening; otherwise the first control (the close button). */
  initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind it inert, closes on
 * Escape and returns focus to where it was. Mounted means open.
 */
export function ModalDialog({ title, onClose, children, role, className, initialFocus }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
    // Opening happens once per mount; a later ref change must not re-open or steal focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
    >
      <div className="modal-header">
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <button type="button" className="modal-close" onClick={() => onCloseRef.current()}>
          {t('sync.dialog.close')}
        </button>
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
