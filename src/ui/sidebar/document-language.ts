// The sidebar follows the browser's language: <html lang> and dir come from the UI language,
// so screen readers pronounce the UI text correctly and right-to-left languages lay out right.
import { dirForLanguage } from './model';

export function applyDocumentLanguage(doc: Document, uiLanguage: string, title: string): void {
  const lang = uiLanguage.replace(/_/g, '-') || 'en';
  doc.documentElement.lang = lang;
  doc.documentElement.dir = dirForLanguage(lang);
  if (title) doc.title = title;
}
