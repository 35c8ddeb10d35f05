/**
 * The sheet checker on /submit/: an editor picks or drops an .xlsx or .csv; the file is read on
 * this computer and checked in a Web Worker by the importer's own code (sheet-check.worker.ts).
 * No request is made and nothing is uploaded. The worker is stopped after {@link TIME_LIMIT_MS},
 * so a hostile file cannot hang the tab. Results are put on the page as text (dom.ts).
 */
import { IMPORT_LIMITS, fileRefusal, formatBytes } from '../lib/import/limits.ts';
import { h } from './dom.ts';
import type { SheetCheckReport, SheetCheckRequest } from './sheet-check-report.ts';

/** A real month's sheet is checked in well under a second; a file that takes this long is refused. */
export const TIME_LIMIT_MS = 15_000;

/** data-module="sheet-check": the checker in `root`. */
export function initSheetCheck(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  const zone = root.querySelector<HTMLElement>('[data-drop-zone]')!;
  const status = root.querySelector<HTMLElement>('[data-check-status]')!;
  const result = root.querySelector<HTMLElement>('[data-check-result]')!;
  let worker: Worker | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    worker?.terminate();
    worker = undefined;
    if (timer) clearTimeout(timer);
    timer = undefined;
    root.removeAttribute('aria-busy');
  };

  const show = (nodes: (Node | string)[], state: 'ok' | 'problems' | 'refused') => {
    stop();
    result.replaceChildren(...nodes);
    result.dataset['state'] = state;
    status.textContent = '';
    root.dataset['checked'] = state;
    const heading = result.querySelector<HTMLElement>('h3');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  };

  const refused = (name: string, message: string) =>
    show([h('h3', {}, `无法检查 ${name}`), h('p', {}, message), h('p', { class: 'small' }, '改好后，再选一次文件即可重新检查。')], 'refused');

  const render = (name: string, report: SheetCheckReport) => {
    const info = report.info.length ? h('p', { class: 'small muted' }, report.info.join(' ')) : null;
    const notes = report.notes.length ? h('div', {}, h('p', {}, '注意：'), h('ul', {}, ...report.notes.map((n) => h('li', {}, n)))) : null;
    if (report.refused) return show([h('h3', {}, `无法检查 ${name}`), info ?? '', h('p', {}, report.refused)], 'refused');
    if (report.problems.length > 0) {
      return show(
        [
          h('h3', {}, `${name} 有 ${report.problems.length} 处问题，请改好后再报送`),
          info ?? '',
          h('ol', { class: 'check-problems' }, ...report.problems.map((p) => h('li', {}, p))),
          notes ?? '',
          h('p', { class: 'small' }, '问题按行列出：“第5行「开始时间」”就是表格第 5 行、列名为“开始时间”的那一格。改好后再选一次文件即可重新检查。'),
        ],
        'problems',
      );
    }
    const table = h(
      'table',
      { class: 'check-preview' },
      h('caption', {}, report.count > report.preview.length ? `前 ${report.preview.length} 个活动（共 ${report.count} 个）` : `全部 ${report.count} 个活动`),
      h('thead', {}, h('tr', {}, ...['行', '活动名称', '地点', '时间', '场地'].map((t) => h('th', {}, t)))),
      h(
        'tbody',
        {},
        ...report.preview.map((e) =>
          h('tr', {}, h('td', {}, String(e.row)), h('td', {}, e.title), h('td', {}, e.place), h('td', {}, e.time), h('td', {}, e.venue)),
        ),
      ),
    );
    const scroll = h('div', { class: 'table-scroll' }, table);
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', '活动预览');
    show([h('h3', {}, `没有发现问题：${report.count} 个活动，可以报送`), info ?? '', notes ?? '', scroll], 'ok');
  };

  const check = async (file: File) => {
    stop();
    result.replaceChildren();
    delete root.dataset['checked'];
    const refusal = fileRefusal(file.name, file.size);
    if (refusal) return refused(file.name, refusal);
    root.setAttribute('aria-busy', 'true');
    status.textContent = `正在检查 ${file.name}（${formatBytes(file.size)}）……`;
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      return refused(file.name, '浏览器读不出这个文件。请确认文件没有被其他程序占用，再选一次。');
    }
    worker = new Worker(new URL('./sheet-check.worker.ts', import.meta.url), { type: 'module', name: 'sheet-check' });
    worker.onmessage = (event: MessageEvent<SheetCheckReport>) => render(file.name, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      refused(file.name, '检查时出错，文件可能已损坏。请用 Excel 或 WPS 打开，另存为 .xlsx 或 .csv 后再试。');
    };
    // data-time-limit-ms on the root shortens the limit (the browser tests use it to see a file stopped).
    const limit = Number(root.dataset['timeLimitMs']) || TIME_LIMIT_MS;
    timer = setTimeout(
      () =>
        refused(
          file.name,
          `检查超过 ${Math.max(1, Math.round(limit / 1000))} 秒还没有完成，已停止。正常的报送表几秒内就能检查完：文件可能已损坏或被做了手脚。请把活动复制到网站下载的模板里（每个文件不超过 ${IMPORT_LIMITS.dataRows} 行），另存后再试。`,
        ),
      limit,
    );
    const request: SheetCheckRequest = { name: file.name, bytes };
    worker.postMessage(request, [bytes]);
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void check(file);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('is-over');
    const file = event.dataTransfer?.files[0];
    if (file) void check(file);
  });
  root.dataset['ready'] = '';
}
