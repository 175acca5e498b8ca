/**
 * i18next behind Refine's i18nProvider. Vietnamese is the default; the choice is remembered in localStorage.
 * Changing language also switches dayjs's locale (antd's locale follows in App through useLocale).
 */
import type { I18nProvider } from "@refinedev/core";
import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import "dayjs/locale/en";
import { vi } from "../i18n/vi";
import { en } from "../i18n/en";
import { setLanguageSource, type Lang } from "./api-client";
import { setFormatLocale } from "../lib/format";

const KEY = "sohoa.lang";
export const LANGUAGES: Lang[] = ["vi", "en"];

export function storedLanguage(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Lang {
  const v = storage?.getItem(KEY);
  return v === "en" ? "en" : "vi";
}

export function createI18n(lang: Lang = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: lang,
    fallbackLng: "vi",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  dayjs.locale(lang);
  setFormatLocale(lang);
  return instance;
}

export function createI18nProvider(instance: I18n): I18nProvider {
  setLanguageSource(() => (instance.language === "en" ? "en" : "vi"));
  return {
    translate: (key, options, defaultMessage) => {
      const opts = typeof options === "object" && options !== null ? options : {};
      const fallback = defaultMessage ?? (typeof options === "string" ? options : undefined);
      const out = instance.t(key, { ...opts, defaultValue: fallback ?? key });
      return typeof out === "string" ? out : String(out);
    },
    changeLocale: async (lang: string) => {
      const l: Lang = lang === "en" ? "en" : "vi";
      globalThis.localStorage?.setItem(KEY, l);
      dayjs.locale(l);
      setFormatLocale(l);
      await instance.changeLanguage(l);
    },
    getLocale: () => instance.language,
  };
}
