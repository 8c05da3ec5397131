// What the side panel shows on a tab without a tracked story, and when the background could
// not be reached.
import { useUi } from './ui-context';

export function EmptyState() {
  const { t } = useUi();
  return (
    <div class="empty" data-testid="no-story">
      <p class="empty-title">{t('sb_empty_title')}</p>
      <p class="muted">{t('sb_empty_body')}</p>
    </div>
  );
}

export function ErrorState({ onRetry }: { onRetry: () => void }) {
  const { t } = useUi();
  return (
    <div class="empty">
      <p class="empty-title">{t('sb_error_title')}</p>
      <p class="muted">{t('sb_error_body')}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('sb_retry')}
      </button>
    </div>
  );
}
