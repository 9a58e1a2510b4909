import { byId } from './dom';

/**
 * The page's one status line (#flash, a live region): errors stay until the next message, confirmations
 * fade after a few seconds. Screen readers announce both.
 */
let timer: ReturnType<typeof setTimeout> | undefined;

export function flash(message: string, kind: 'error' | 'info' = 'error'): void {
  const node = byId('flash');
  node.textContent = message;
  node.className = kind === 'error' ? 'flash' : 'flash info';
  node.hidden = false;
  clearTimeout(timer);
  if (kind === 'info')
    timer = setTimeout(() => {
      node.hidden = true;
    }, 6000);
}
