import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

export type Lang = 'vi' | 'en';

/** One area's words in both languages: English must say everything Vietnamese says. */
export const defineMessages = <T extends Record<string, string>>(m: { vi: T; en: { [K in keyof T]: string } }) => m;

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'vi', setLang: () => {} });

const stored = (): Lang => (localStorage.getItem('gl.lang') === 'en' ? 'en' : 'vi');

/** Vietnamese by default; the choice is kept in this browser. */
export const LangProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLang] = useState<Lang>(stored);
  useEffect(() => {
    localStorage.setItem('gl.lang', lang);
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
};

export const useLang = () => useContext(LangContext);

/** The words of one area in the reader's language. */
export const useMessages = <T extends Record<string, string>>(m: { vi: T; en: { [K in keyof T]: string } }): T => {
  const { lang } = useLang();
  return (lang === 'en' ? m.en : m.vi) as T;
};

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
