// The top of the sidebar: the story's title, a prominent pointer to the page's caution when
// there is one, and (embedded in a page only) the close button. The sections need no "jump
// to" controls: they are one disclosure each, right below the first screen.
import type { StoryPack } from '../../packs/schema';
import { focusById } from '../components/JumpNav';
import { PACK_TEXT_LANG } from './language';
import { type PageCaution } from './pack-views';
import { useUi } from './ui-context';

export interface HeaderProps {
  pack: StoryPack | null;
  /** The page's cautions, and the id of the box that shows them. */
  caution: { id: string; cautions: PageCaution[] } | null;
  onClose: (() => void) | null;
}

export function Header({ pack, caution, onClose }: HeaderProps) {
  const { t } = useUi();
  const kind = caution?.cautions.find((c) => c.kind && c.kind !== 'note')?.kind;
  return (
    <header class="top">
      <div class="top-row">
        <div>
          {pack ? <p class="eyebrow">{t('sb_title')}</p> : <h1>{t('sb_title')}</h1>}
          {pack ? <h1 lang={PACK_TEXT_LANG}>{pack.title}</h1> : null}
        </div>
        {onClose ? (
          <button type="button" class="icon-button" data-testid="close" aria-label={t('sb_close')} title={t('sb_close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      {caution ? (
        <p class="caution-jump">
          <button type="button" class="link-button" onClick={() => focusById(caution.id)}>
            <span aria-hidden="true">⚠ </span>
            {kind ? t('sb_caution_jump_kind', t(`sb_caution_${kind.replace(/-/g, '_')}`)) : t('sb_caution_jump')}
          </button>
        </p>
      ) : null}
    </header>
  );
}
