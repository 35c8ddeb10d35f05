/**
 * Browser side of the calculator: reads the form or the URL, runs src/lib/subsidy.ts, and
 * writes the result as plain HTML with data-result / data-value hooks.
 */
import { formatInteger } from '../lib/format.ts';
import { calculateSubsidy, parseCalcQuery, toCalcQuery, type CalcInput, type FieldError, type ResultLine, type SubsidyRules } from '../lib/subsidy.ts';

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

type Labels = Record<string, { label: string; confirmed: boolean }>;

function renderLine(line: ResultLine, labels: Labels): HTMLElement {
  const section = el('section', undefined, { 'data-result': line.key, 'data-value': String(line.eligible ? line.value : 0) });
  section.append(el('h3', line.title));
  section.append(el('p', line.eligible ? `约 ${formatInteger(line.value)} 元` : '不适用', { class: 'calc__amount' }));
  if (line.eligible) section.append(el('p', '怎么算的：'), list(line.steps, true));
  else {
    section.append(el('p', line.reasons.join('')));
    if (line.fixes.length) section.append(el('p', `怎样可以符合：${line.fixes.join('')}`));
  }
  if (line.assumptions.length) section.append(el('p', '前提：', { class: 'small' }), list(line.assumptions));
  if (line.facts.length) {
    const p = el('p', '依据：', { class: 'small' });
    line.facts.forEach((id, i) => {
      if (i > 0) p.append('；');
      p.append(el('a', labels[id]?.label ?? id, { href: `#fact-${id}` }));
      if (labels[id] && !labels[id].confirmed) p.append(el('span', '待核实', { class: 'unconfirmed' }));
    });
    section.append(p);
  }
  return section;
}

/** Wires the calculator on the page, if there is one. */
export function initCalculator(): void {
  const root = document.querySelector<HTMLElement>('[data-calculator]');
  const form = root?.querySelector<HTMLFormElement>('[data-calc-form]');
  if (!root || !form) return;
  const rules = JSON.parse(root.dataset.rules ?? '{}') as SubsidyRules;
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

  const render = (input: CalcInput) => {
    const result = calculateSubsidy(input, rules);
    const box = results.querySelector('[data-result-lines]')!;
    box.replaceChildren(...result.lines.map((l) => renderLine(l, labels)));
    const total = results.querySelector<HTMLElement>('[data-result="total"]')!;
    total.dataset.value = String(result.total);
    total.querySelector('[data-total-text]')!.textContent = `${formatInteger(result.total)} 元`;
    const url = new URL(location.href);
    url.search = toCalcQuery(input);
    url.hash = '';
    share.value = url.href;
    results.hidden = false;
  };

  const run = (p: URLSearchParams, moveFocus: boolean) => {
    clearErrors();
    const { input, errors } = parseCalcQuery(p);
    if (!input) return showErrors(errors);
    render(input);
    if (moveFocus) results.querySelector<HTMLElement>('#calc-results-title')?.focus();
  };

  form.addEventListener('change', showRelevant);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const p = query();
    history.replaceState(null, '', `${location.pathname}?${p.toString()}`);
    run(p, true);
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
    run(initial, false);
  } else showRelevant();
}
