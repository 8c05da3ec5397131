/**
 * The page's language, for display and evaluation only: matching tries every language's terms
 * on every page, because declared languages are often missing or wrong.
 */

const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'that', 'is', 'was', 'for', 'with', 'said'],
  es: ['el', 'la', 'de', 'que', 'y', 'los', 'las', 'del', 'en', 'por', 'una', 'según'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'du', 'que', 'une', 'est', 'dans', 'selon'],
  de: ['der', 'die', 'das', 'und', 'den', 'von', 'mit', 'ist', 'nicht', 'auf', 'dem', 'sich'],
  pt: ['o', 'a', 'de', 'que', 'e', 'os', 'do', 'da', 'em', 'para', 'uma', 'não', 'segundo'],
};

function guessFromText(text: string): string {
  const sample = text.slice(0, 3000);
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let cyrillic = 0;
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  const total = han + kana + hangul + cyrillic + arabic + latin;
  if (total === 0) return 'und';
  if (hangul > total * 0.2) return 'ko';
  if (kana > total * 0.05) return 'ja';
  if (han > total * 0.2) return 'zh';
  if (arabic > total * 0.2) return 'ar';
  if (cyrillic > total * 0.2) return 'ru';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let bestLang = 'und';
  let bestCount = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    let count = 0;
    for (const w of words) if (set.has(w)) count++;
    if (count > bestCount) {
      bestLang = lang;
      bestCount = count;
    }
  }
  return bestCount >= 3 ? bestLang : 'und';
}

/** Primary language subtag: the declared one when there is one, else a guess from the script and common words. */
export function pageLanguage(declared: string, text: string): string {
  const primary = declared.toLowerCase().split(/[-_]/)[0] ?? '';
  if (/^[a-z]{2,3}$/.test(primary)) return primary;
  return guessFromText(text);
}
