// Coverage at a glance: the linked articles by language as one bar, and for each response or
// caveat a bar of the share of outlets that report it. The text beside each bar says the same
// in words and is what screen readers read; the drawings are hidden from them, so nothing is
// read twice. The bars have no text inside, so they mirror for right-to-left by layout alone.
import type { StoryPack } from '../../packs/schema';
import { plural } from '../shared/plural';
import { barSegments, coverageGlance } from './glance';
import { languageName } from './language';
import { MentionShareText } from './PackText';
import { useUi } from './ui-context';

const WIDTH = 300;
const HEIGHT = 12;

/** A language's step of the chart's colour scale, as the CSS variable its bar and swatch read. */
function step(i: number) {
  return { '--step': `var(--seg-${Math.min(i, 4)})` };
}

function Bar({ counts, classes, steps }: { counts: number[]; classes: string[]; steps?: boolean }) {
  const rtl = typeof document !== 'undefined' && document.documentElement.dir === 'rtl';
  const segments = barSegments(counts, WIDTH, rtl);
  return (
    <svg class="bar" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="bar-track" x="0.5" y="0.5" width={WIDTH - 1} height={HEIGHT - 1} rx="3" />
      {segments.map((s, i) => (s.width > 0 ? <rect key={i} class={classes[i]} style={steps ? step(i) : undefined} x={s.x} y="0" width={s.width} height={HEIGHT} /> : null))}
    </svg>
  );
}

export function CoverageChart({ pack }: { pack: StoryPack }) {
  const { t, lang } = useUi();
  const glance = coverageGlance(pack);
  if (glance.total === 0) return null;
  return (
    <figure class="coverage-chart" data-testid="coverage-chart" aria-labelledby="sb-chart-title">
      <figcaption id="sb-chart-title" class="glance-label">
        {plural(t, 'sb_glance_coverage', glance.total)}
      </figcaption>
      <Bar counts={glance.languages.map((l) => l.count)} classes={glance.languages.map(() => 'seg')} steps />
      <ul class="plain-list chart-legend small" data-testid="chart-languages">
        {glance.languages.map((l, i) => (
          <li key={l.lang ?? ''}>
            <span class="swatch" style={step(i)} aria-hidden="true" />
            {l.lang ? languageName(l.lang, lang) : t('sb_glance_other_languages')} <span class="num">{l.count}</span>
          </li>
        ))}
      </ul>
      <ul class="plain-list chart-mentions" data-testid="chart-mentions">
        {glance.mentions.map((m) => (
          <li key={m.kind.id}>
            <Bar counts={[m.yes, m.of - m.yes]} classes={['seg-yes', 'seg-none']} />
            <span class="small">
              <MentionShareText t={t} share={m} />
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
