// Why the sidebar appeared: the signals detection matched on this page, and the way to turn it
// off for the site.
import type { DetectionReport } from '../../protocol/messages';
import { Disclosure } from './Disclosure';
import { PackText } from './PackText';
import { SiteOffElsewhere, SiteToggle } from './SiteToggle';
import { useUi } from './ui-context';

export interface WhySectionProps {
  report: DetectionReport;
  host: string | null;
  initiallyDisabled: boolean;
  onSetEnabled: (site: string, enabled: boolean) => Promise<void>;
  /** Set inside a web page: the site is turned off in the options page instead. */
  onConfirmElsewhere?: (() => Promise<void>) | null;
}

export function WhySection({ report, host, initiallyDisabled, onSetEnabled, onConfirmElsewhere }: WhySectionProps) {
  const { t } = useUi();
  return (
    <Disclosure id="sb-why" title={t('sb_why_heading')} testId="why">
      {report.signals.length > 0 ? (
        <>
          <p>{t('sb_why_intro')}</p>
          <ul class="signals">
            {report.signals.map((signal, i) => (
              <li key={`${signal.id}-${i}`}>
                <PackText class="signal-label">{signal.label}</PackText>
                {' — '}
                {t(`sb_where_${signal.where}`)}
                {signal.text ? (
                  <>
                    {': '}
                    <q class="signal-text">{signal.text}</q>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('sb_why_no_signals')}</p>
      )}
      <p class="small muted">{t('sb_why_score', formatScore(report.score), formatScore(report.threshold))}</p>
      {host && onConfirmElsewhere ? <SiteOffElsewhere host={host} onConfirmElsewhere={onConfirmElsewhere} /> : null}
      {host && !onConfirmElsewhere ? <SiteToggle host={host} initiallyDisabled={initiallyDisabled} onSetEnabled={onSetEnabled} /> : null}
    </Disclosure>
  );
}

function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
