// The chosen language (English or Spanish), its message bundle, and dates and numbers in its format.
import en from './messages/en.js';
import es from './messages/es.js';

const BUNDLES = { en, es };
export const LANGUAGES = Object.keys(BUNDLES);
const STORAGE_KEY = 'haven.language';
const listeners = new Set();

let language = initialLanguage();

function initialLanguage() {
  let saved = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage can be disabled; the browser's language decides then
  }
  if (LANGUAGES.includes(saved)) return saved;
  const preferred = (navigator.languages ?? [navigator.language ?? 'en']).map((tag) => tag.toLowerCase().slice(0, 2));
  return preferred.find((code) => LANGUAGES.includes(code)) ?? 'en';
}

export function currentLanguage() {
  return language;
}

export function setLanguage(code) {
  if (!LANGUAGES.includes(code) || code === language) return;
  language = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not persisted; still switched for this page
  }
  document.documentElement.lang = code;
  listeners.forEach((listener) => listener(code));
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message for a key, with {name} placeholders filled in; the English text when Spanish lacks one. */
export function t(key, parameters = {}) {
  const text = BUNDLES[language][key] ?? BUNDLES.en[key];
  if (text === undefined) {
    console.warn(`No message for ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in parameters ? String(parameters[name]) : match));
}

/** Like t, but picks key.one / key.other (and so on) by the language's plural rules for count. */
export function tn(key, count, parameters = {}) {
  const form = new Intl.PluralRules(intlLocale()).select(count);
  const chosen = has(`${key}.${form}`) ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { count: formatNumber(count), ...parameters });
}

export function has(key) {
  return key in BUNDLES[language] || key in BUNDLES.en;
}

/** The label of a code (a pathway, a deadline type, an event type, …), or the code itself when there is none. */
export function label(group, code) {
  if (code === null || code === undefined) return '';
  const key = `${group}.${code}`;
  return has(key) ? t(key) : String(code);
}

/** The browser's own region for the chosen language when it has one (es-MX, en-GB), else the bare language. */
export function intlLocale() {
  const tags = navigator.languages ?? [navigator.language ?? language];
  return tags.find((tag) => tag.toLowerCase().startsWith(`${language}-`)) ?? language;
}

export function formatNumber(value) {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

/** A legal date (2026-01-05): a calendar day, shown as that day whatever the browser's time zone. */
export function formatDate(isoDate) {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(legalDate(isoDate));
}

/** An instant (2026-01-05T10:00:00Z), shown in the browser's time zone. */
export function formatDateTime(isoInstant) {
  if (!isoInstant) return '';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(isoInstant));
}

/** "in 20 days", "tomorrow", "3 days ago" for a legal date, counted from today's date here. */
export function formatDaysFromToday(isoDate) {
  return new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(daysFromToday(isoDate), 'day');
}

/** Whole days from today (in the browser's time zone) to a legal date; negative when it has passed. */
export function daysFromToday(isoDate) {
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((legalDate(isoDate) - today) / 86_400_000);
}

function legalDate(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

document.documentElement.lang = language;
