// The two kinds of "nothing to show": a reader who has saved nothing yet needs to know how to
// start; a search that matches nothing needs a way back.

export function NothingSaved({ t }: { t: (key: string) => string }) {
  return (
    <div class="empty" data-testid="empty">
      <h2>{t('pp_emptyTitle')}</h2>
      <p>{t('pp_emptyHelp')}</p>
    </div>
  );
}

export function NoResults({ t, onClear }: { t: (key: string) => string; onClear: () => void }) {
  return (
    <div class="empty" data-testid="no-results">
      <p>{t('pp_noResults')}</p>
      <button type="button" onClick={onClear}>
        {t('pp_clearFilters')}
      </button>
    </div>
  );
}
