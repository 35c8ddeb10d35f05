/**
 * "复制" buttons: [data-copy] holds the text; the nearest [data-copy-status] says what happened.
 * Where the clipboard is not allowed (some in-app browsers), the text is selected instead so a
 * long press copies it.
 */
/** data-module="copy": the 复制 buttons inside one box. */
export function initCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const box = button.closest('[data-copy-box]') ?? button.parentElement;
      const status = box?.querySelector<HTMLElement>('[data-copy-status]');
      try {
        await navigator.clipboard.writeText(button.dataset.copy ?? '');
        if (status) status.textContent = '已复制';
      } catch {
        const text = box?.querySelector('[data-copy-text]');
        if (text) {
          const range = document.createRange();
          range.selectNodeContents(text);
          const sel = getSelection();
          sel?.removeAllRanges();
          sel?.addRange(range);
        }
        if (status) status.textContent = '已选中，请长按或按 Ctrl+C 复制';
      }
    });
  }
}
