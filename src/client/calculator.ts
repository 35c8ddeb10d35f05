/**
 * Browser side of the calculator: reads the form or the URL, runs src/lib/subsidy/index.ts, and
 * writes the result as plain HTML with data-result / data-value hooks.
 */
import { formatInteger } from '../lib/format.ts';
import { calculateSubsidy, parseCalcQuery, toCalcQuery, type CalcInput, type FieldError, type ResultLine, type SubsidyRules } from '../lib/subsidy/index.ts';
import { shanghaiDate } from '../lib/validity.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function list(items: string[], ordered = false): HTMLElement {
  const l = el(ordered ? 'ol' : 'ul');
  for (const i of items) l.append(el('li', i));
  return l;
}

/** Each rule's number in the page's rules table, and whether it is confirmed. */
type Labels = Record<string, { n: number; confirmed: boolean }>;

/** The rule set for a day: the latest one that has started by then (the first if none has). */
function rulesFor(sets: SubsidyRules[], day: string): SubsidyRules {
  return [...sets].reverse().find((r) => r.day <= day) ?? sets[0]!;
}

/** "依据：本页规则表第3、5条（第5条待核实）。" with each number linking to its row. */
function citation(ids: string[], labels: Labels): HTMLElement {
  const p = el('p', '依据：本页规则表第', { class: 'small' });
  const known = [...new Set(ids)].filter((id) => (labels[id]?.n ?? 0) > 0).sort((a, b) => labels[a]!.n - labels[b]!.n);
  known.forEach((id, i) => {
    if (i > 0) p.append('、');
    p.append(el('a', String(labels[id]!.n), { href: `#fact-${id}` }));
  });
  const unconfirmed = known.filter((id) => !labels[id]!.confirmed).map((id) => labels[id]!.n);
  p.append(`条${unconfirmed.length ? `（其中第${unconfirmed.join('、')}条待核实）` : ''}。`);
  return p;
}

function renderLine(line: ResultLine, labels: Labels): HTMLElement {
  const section = el('section', undefined, { 'data-result': line.key, 'data-value': String(line.eligible ? line.value : 0) });
  section.append(el('h3', line.title));
  section.append(el('p', line.eligible ? `约 ${formatInteger(line.value)} 元` : '不适用', { class: 'calc__amount' }));
  for (const note of line.notes) section.append(el('p', note, { class: 'calc__note' }));
  if (line.eligible) section.append(el('p', '怎么算的：'), list(line.steps, true));
  else {
    section.append(el('p', line.reasons.join('')));
    if (line.fixes.length) section.append(el('p', `怎样可以符合：${line.fixes.join('')}`));
  }
  if (line.assumptions.length) section.append(el('p', '前提：', { class: 'small' }), list(line.assumptions));
  if (line.facts.some((id) => (labels[id]?.n ?? 0) > 0)) section.append(citation(line.facts, labels));
  return section;
}

/** data-module="calculator": one calculator. */
export function initCalculator(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-calc-form]');
  if (!form) return;
  const ruleSets = JSON.parse(root.dataset.rules ?? '[]') as SubsidyRules[];
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
  const results = root.querySelector<HTMLElement>('[data-results]')!;
  const summary = root.querySelector<HTMLElement>('[data-error-summary]')!;
  const share = root.querySelector<HTMLInputElement>('[data-share]')!;

  const showRelevant = () => {
    const mode = (form.elements.namedItem('mode') as RadioNodeList).value;
    for (const node of form.querySelectorAll<HTMLElement>('[data-needs]')) {
      const need = node.dataset.needs;
      node.hidden = need === 'scrap' ? mode !== 'scrap' && mode !== '' : mode === 'none';
    }
  };

  const query = (): URLSearchParams => {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      const field = form.querySelector<HTMLElement>(`[name="${k}"]`);
      const hidden = field?.closest<HTMLElement>('[data-needs]')?.hidden;
      if (typeof v === 'string' && v.trim() !== '' && !hidden) p.set(k, v.trim());
    }
    return p;
  };

  const fill = (p: URLSearchParams) => {
    for (const [k, v] of p) {
      const field = form.elements.namedItem(k);
      if (field instanceof RadioNodeList) field.value = v;
      else if (field instanceof HTMLInputElement) field.value = v;
    }
    showRelevant();
  };

  const clearErrors = () => {
    summary.hidden = true;
    for (const n of form.querySelectorAll('.calc__error')) n.remove();
    for (const n of form.querySelectorAll('[aria-invalid]')) n.removeAttribute('aria-invalid');
  };

  const showErrors = (errors: FieldError[]) => {
    const ul = summary.querySelector('[data-error-list]')!;
    ul.replaceChildren();
    for (const e of errors) {
      const target = document.getElementById(`calc-${e.field}`);
      const li = el('li');
      li.append(el('a', e.message, { href: `#calc-${e.field}` }));
      ul.append(li);
      if (target) {
        const msg = el('p', e.message, { class: 'calc__error', id: `calc-${e.field}-error` });
        if (target.tagName === 'FIELDSET') target.querySelector('legend')!.after(msg);
        else target.before(msg);
        target.setAttribute('aria-invalid', 'true');
      }
    }
    summary.hidden = false;
    results.hidden = true;
    summary.focus();
  };

  const render = (input: CalcInput, today: string) => {
    // Not typed: the purchase is today, by the visitor's clock (the shared link leaves it out).
    const day = input.buyDate ?? today;
    const result = calculateSubsidy({ ...input, buyDate: day }, rulesFor(ruleSets, day), today);
    const box = results.querySelector('[data-result-lines]')!;
    box.replaceChildren(...result.lines.map((l) => renderLine(l, labels)));
    const sums: [string, number][] = [
      ['cash', result.cash],
      ['tax-saved', result.taxSaved],
      ['interest-saved', result.interestSaved],
    ];
    for (const [key, value] of sums) {
      const dd = results.querySelector<HTMLElement>(`[data-result="${key}"]`)!;
      dd.dataset.value = String(value);
      dd.textContent = value > 0 ? `约 ${formatInteger(value)} 元` : '无';
    }
    // Where both ways are open (the old car may be scrapped or sold), both totals side by side.
    const compare = results.querySelector<HTMLElement>('[data-compare-box]')!;
    const other = input.mode === 'scrap' ? 'replace' : input.mode === 'replace' ? 'scrap' : undefined;
    const alt = other ? calculateSubsidy({ ...input, mode: other, buyDate: day }, rulesFor(ruleSets, day), today) : undefined;
    compare.hidden = !alt || !alt.lines[0]!.eligible || !result.lines[0]!.eligible;
    if (alt && !compare.hidden) {
      const totals = { [input.mode]: result.total, [other!]: alt.total } as Record<string, number>;
      for (const dd of compare.querySelectorAll<HTMLElement>('dd[data-compare]')) {
        const v = totals[dd.dataset.compare ?? ''] ?? 0;
        dd.dataset.value = String(v);
        dd.textContent = `约 ${formatInteger(v)} 元${dd.dataset.compare === input.mode ? '（您选的）' : ''}`;
      }
    }
    const total = results.querySelector<HTMLElement>('[data-result="total"]')!;
    total.dataset.value = String(result.total);
    total.querySelector('[data-total-text]')!.textContent = `约 ${formatInteger(result.total)} 元`;
    const url = new URL(location.href);
    url.search = toCalcQuery(input);
    url.hash = '';
    share.value = url.href;
    results.hidden = false;
  };

  const run = (p: URLSearchParams) => {
    clearErrors();
    const today = shanghaiDate(new Date());
    const { input, errors } = parseCalcQuery(p, today);
    if (!input) return showErrors(errors);
    render(input, today);
    // The result, not the form, is what the reader came for (also when opening a shared link).
    const heading = results.querySelector<HTMLElement>('#calc-results-title');
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  };

  form.addEventListener('change', showRelevant);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const p = query();
    history.replaceState(null, '', `${location.pathname}?${p.toString()}`);
    run(p);
  });
  root.querySelector('[data-copy]')?.addEventListener('click', async () => {
    const status = root.querySelector('[data-copy-status]')!;
    try {
      await navigator.clipboard.writeText(share.value);
      status.textContent = '已复制';
    } catch {
      share.select();
      status.textContent = '请按 Ctrl+C（手机上长按）复制';
    }
  });

  const initial = new URLSearchParams(location.search);
  if ([...initial.keys()].length > 0) {
    fill(initial);
    run(initial);
  } else showRelevant();
}
