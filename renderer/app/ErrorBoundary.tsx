import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';

interface State {
  error: Error | null;
}

/** Shows a readable, translated message instead of a blank window when rendering throws. */
export class ErrorBoundary extends Component<{ children: ReactNode; onError?: (error: Error, info: ErrorInfo) => void }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    this.props.onError?.(error, info);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18next.t.bind(i18next);
    return (
      <div role="alert" className="fatal">
        <h1>{t('errors.boundaryTitle')}</h1>
        <p>{t('errors.boundaryBody')}</p>
        <p className="fatal-details">{t('errors.details', { message: error.message })}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    );
  }
}
