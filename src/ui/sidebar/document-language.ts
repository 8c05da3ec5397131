// The sidebar speaks the language of the messages the browser picked: <html lang> and dir come
// from that locale (see shared/document-language.ts), so screen readers pronounce the UI text
// correctly and right-to-left languages lay out right, and an English fallback under an
// Arabic browser is not announced as Arabic.
export { applyDocumentLanguage } from '../shared/document-language';
