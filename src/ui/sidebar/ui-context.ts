// UI text and language for every sidebar component, without threading them through props.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface Ui {
  t: (key: string, ...substitutions: string[]) => string;
  /** The browser's UI language ("en-US"), for language names and dates. */
  lang: string;
}

export const UiContext = createContext<Ui>({ t: (key) => key, lang: 'en' });

export function useUi(): Ui {
  return useContext(UiContext);
}
