// The responses, word for word, with who said it, to whom, when, and where it was printed.
// Translations are one more action away, each with the outlet that printed it.
import type { Party, Statement, StatementKind, StoryPack } from '../../packs/schema';
import { Chip, type ChipTone } from '../components/Chip';
import { Disclosure } from './Disclosure';
import { httpHref } from '../components/safe-url';
import { langAttribute, languageName, PACK_TEXT_LANG } from './language';
import { PackText } from './PackText';
import { quoteInput } from './save-inputs';
import { SaveControl } from './SaveControl';
import { SourceLine } from './SourceLine';
import { useUi } from './ui-context';

const KIND_TONE: Record<StatementKind, ChipTone> = { denial: 'denied', response: 'neutral', allegation: 'alleged', comment: 'neutral' };

function StatementView({ statement, pack }: { statement: Statement; pack: StoryPack }) {
  const { t, lang } = useUi();
  const quoteId = `statement-${statement.id}`;
  return (
    <li class="card" data-testid="statement">
      <p class="chips">
        <Chip tone={KIND_TONE[statement.kind]} label={t(`sb_kind_${statement.kind}`)} srPrefix={t('sb_kind_prefix')} />
      </p>
      <figure class="statement">
        <blockquote id={quoteId} lang={PACK_TEXT_LANG} cite={httpHref(statement.sourceUrl) ?? undefined}>
          <p>{statement.quote}</p>
          {statement.quoteContinued ? <p>{statement.quoteContinued}</p> : null}
        </blockquote>
        <figcaption class="small">
          <PackText>{statement.speaker}</PackText>
          <br />
          {t('sb_said_to')} <PackText>{statement.addressee}</PackText>
          {' · '}
          {statement.date ? <PackText>{statement.date}</PackText> : t('sb_date_not_shown')}
        </figcaption>
      </figure>
      {statement.translations.map((tr) => (
        <details key={tr.lang + tr.text.slice(0, 16)} class="translation">
          <summary>{t('sb_translation', languageName(tr.lang, lang))}</summary>
          <blockquote lang={langAttribute(tr.lang)}>
            <p>{tr.text}</p>
          </blockquote>
          <p class="small muted" lang={PACK_TEXT_LANG}>
            {tr.note}
          </p>
        </details>
      ))}
      <SourceLine url={statement.sourceUrl} note={statement.sourceNote} />
      <SaveControl input={quoteInput(statement, pack)} testId="save-quote" label={t('sb_save_quote')} describedBy={quoteId} />
    </li>
  );
}

function PartyView({ party, pack }: { party: Party; pack: StoryPack }) {
  return (
    <div class="party">
      <h3 lang={PACK_TEXT_LANG}>{party.name}</h3>
      <p class="small muted" lang={PACK_TEXT_LANG}>
        {party.role}
      </p>
      {party.statements.length > 0 ? (
        <ul class="plain-list cards">
          {party.statements.map((s) => (
            <StatementView key={s.id} statement={s} pack={pack} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ResponsesSection({ pack }: { pack: StoryPack }) {
  const { t } = useUi();
  if (pack.parties.length === 0) return null;
  return (
    <Disclosure id="sb-responses" title={t('sb_responses_heading')} count={pack.parties.reduce((n, p) => n + p.statements.length, 0)} testId="responses">
      {pack.parties.map((party) => (
        <PartyView key={party.id} party={party} pack={pack} />
      ))}
    </Disclosure>
  );
}
