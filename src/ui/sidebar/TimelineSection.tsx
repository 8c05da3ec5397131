// What happened after the first report, with the sources for each step.
import type { StoryPack } from '../../packs/schema';
import { ExternalLink } from '../components/ExternalLink';
import { Disclosure } from './Disclosure';
import { displayHost } from '../components/safe-url';
import { PACK_TEXT_LANG } from './language';
import { useUi } from './ui-context';

export function TimelineSection({ pack }: { pack: StoryPack }) {
  const { t } = useUi();
  if (pack.timeline.length === 0) return null;
  return (
    <Disclosure id="sb-timeline" title={t('sb_timeline_heading')} count={pack.timeline.length} testId="timeline">
      <ol class="plain-list timeline">
        {pack.timeline.map((entry) => (
          <li key={entry.id} class="timeline-entry">
            <p class="timeline-date">{entry.date}</p>
            <p lang={PACK_TEXT_LANG}>{entry.text}</p>
            <p class="small">
              {t('sb_sources_label')}{' '}
              {entry.sources.map((url, i) => (
                <span key={url}>
                  {i > 0 ? ', ' : null}
                  <ExternalLink href={url} newTabHint={t('sb_new_tab')}>
                    {displayHost(url) || url}
                  </ExternalLink>
                </span>
              ))}
            </p>
          </li>
        ))}
      </ol>
    </Disclosure>
  );
}
