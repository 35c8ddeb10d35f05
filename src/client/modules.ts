/**
 * One way to start a behaviour, as GOV.UK Frontend does: the element a behaviour belongs to names
 * it in data-module (data-module="calculator"; several names separated by spaces), and the
 * component's script calls start('calculator', init). init runs once per element, with that
 * element as its root, however many copies of the component a page has and however many scripts
 * call start. Elements added later (cards the browser renders) start on the next call.
 */
export type ModuleInit = (root: HTMLElement) => unknown;

/** Starts `init` on every element naming `name` in data-module that has not started it yet. */
export function start(name: string, init: ModuleInit, scope: ParentNode = document): void {
  const elements = [
    ...(scope instanceof HTMLElement && scope.matches(`[data-module~="${name}"]`) ? [scope] : []),
    ...scope.querySelectorAll<HTMLElement>(`[data-module~="${name}"]`),
  ];
  for (const el of elements) {
    const started = (el.dataset['moduleStarted'] ?? '').split(' ').filter(Boolean);
    if (started.includes(name)) continue;
    el.dataset['moduleStarted'] = [...started, name].join(' ');
    // One behaviour failing must not stop the others; its error is still reported (thrown later).
    const report = (error: unknown) =>
      setTimeout(() => {
        throw error;
      });
    try {
      const result = init(el);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  }
}
