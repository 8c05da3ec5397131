// The top of the sidebar: the story's title, a prominent pointer to the page's caution when
// there is one, "jump to" controls for the sections, and (embedded in a page only) the close
// button.
import type { StoryPack } from '../../packs/schema';
import { focusById, JumpNav, type JumpTarget } from '../components/JumpNav';
import { PACK_TEXT_LANG } from './language';
import { type PageCaution } from './pack-views';
import { useUi } from './ui-context';

export interface HeaderProps {
  pack: StoryPack | null;
  /** The page's cautions, and the id of the box that shows them. */
  caution: { id: string; cautions: PageCaution[] } | null;
  sections: JumpTarget[];
  onClose: (() => void) | null;
}

export function Header({ pack, caution, sections, onClose }: HeaderProps) {
  const { t } = useUi();
  const kind = caution?.cautions.find((c) => c.kind && c.kind !== 'note')?.kind;
  return (
    <header class="top">
      <div class="top-row">
        {pack ? <p class="eyebrow">{t('sb_title')}</p> : <h1>{t('sb_title')}</h1>}
        {onClose ? (
          <button type="button" class="icon-button" data-testid="close" aria-label={t('sb_close')} title={t('sb_close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
      </div>
      {pack ? <h1 lang={PACK_TEXT_LANG}>{pack.title}</h1> : null}
      {caution ? (
        <p class="caution-jump">
          <button type="button" class="link-button" onClick={() => focusById(caution.id)}>
            <span aria-hidden="true">⚠ </span>
            {kind ? t('sb_caution_jump_kind', t(`sb_caution_${kind.replace(/-/g, '_')}`)) : t('sb_caution_jump')}
          </button>
        </p>
      ) : null}
      <JumpNav label={t('sb_jump_label')} targets={sections} />
    </header>
  );
}
