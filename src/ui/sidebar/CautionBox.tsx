// What is wrong with the page being read, when the pack has a caution for it: shown on the
// first screen, and the header's "this page has a caution" moves focus here.
import { Chip } from '../components/Chip';
import { PackText } from './PackText';
import { type PageCaution } from './pack-views';
import { useUi } from './ui-context';

export const CAUTION_ID = 'sb-caution';

export function CautionBox({ cautions }: { cautions: PageCaution[] }) {
  const { t } = useUi();
  return (
    <div id={CAUTION_ID} class="caution" data-testid="caution" tabIndex={-1}>
      <h3>
        <span aria-hidden="true">⚠ </span>
        {t('sb_caution_heading')}
      </h3>
      {cautions.map((c) => (
        <p key={c.id ?? c.text}>
          {c.kind && c.kind !== 'note' ? (
            <>
              <Chip tone="warning" label={t(`sb_caution_${c.kind.replace(/-/g, '_')}`)} />{' '}
            </>
          ) : null}
          <PackText>{c.text}</PackText>
        </p>
      ))}
    </div>
  );
}
