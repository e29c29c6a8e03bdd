/**
 * Plural messages: one form per CLDR category of the language, in a fixed order, separated by '|'
 * (English "one|other", Ukrainian "one|few|many|other"). Pure and dependency-free: the extension's
 * tn() and the webview pages use it alike.
 */
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const rules = new Map<string, { select: Intl.PluralRules; order: string[] }>();

/** The form of `template` (already translated) for `n`, with `{0}` = n and `{1}`… = args. */
export function pluralForm(template: string, n: number, lang: string, ...args: (string | number)[]): string {
  let r = rules.get(lang);
  if (!r) {
    const select = new Intl.PluralRules(lang);
    const have = select.resolvedOptions().pluralCategories as string[];
    r = { select, order: CATEGORY_ORDER.filter((c) => have.includes(c)) };
    rules.set(lang, r);
  }
  const forms = template.split('|');
  const i = r.order.indexOf(r.select.select(n));
  const form = forms[Math.min(i < 0 ? forms.length - 1 : i, forms.length - 1)];
  const values = [n, ...args];
  return form.replace(/\{(\d+)\}/g, (m, k: string) =>
    Number(k) < values.length ? String(values[Number(k)]) : m,
  );
}
