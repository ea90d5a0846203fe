// The Balance Report webview's only script. It asks the extension to export the report, to show
// another year, or to open a day's entries, and says how an export went; it moves the keyboard
// focus between the calendar's days. It posts messages and nothing else; no inline handlers (the
// page's CSP allows this file only, by nonce).
/* global acquireVsCodeApi, document, window, Element */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  // After a year button reloads the page, focus and scroll come back to where they were.
  const restored = vscode.getState();
  if (restored && typeof restored === 'object') {
    if (typeof restored.scrollY === 'number') window.scrollTo(0, restored.scrollY);
    const again = typeof restored.focus === 'string' && document.getElementById(restored.focus);
    if (again && !again.disabled) again.focus();
    else if (again) document.getElementById('calendar')?.querySelector('td[tabindex="0"]')?.focus();
    vscode.setState(undefined);
  }

  // Export.
  const button = document.getElementById('export');
  const status = document.getElementById('status');
  if (button && status) {
    let busy = false;
    // A <button>: Enter and Space work from the keyboard as well as a click.
    button.addEventListener('click', () => {
      if (busy) return;
      busy = true;
      button.setAttribute('aria-busy', 'true');
      status.textContent = button.dataset.busyText || '';
      vscode.postMessage({ type: 'export' });
    });

    window.addEventListener('message', (event) => {
      const message = event.data;
      if (!message || typeof message !== 'object') return;
      if (message.type === 'exported' || message.type === 'exportFailed') {
        busy = false;
        button.removeAttribute('aria-busy');
        // textContent, never HTML: the path is shown as written. The extension sends the words, translated.
        status.textContent = String(message.text || '');
      }
    });
  }

  // Previous and next year.
  for (const id of ['prev-year', 'next-year']) {
    const yearButton = document.getElementById(id);
    if (!yearButton) continue;
    yearButton.addEventListener('click', () => {
      const year = Number(yearButton.dataset.year);
      if (!Number.isInteger(year)) return;
      vscode.setState({ focus: id, scrollY: window.scrollY });
      vscode.postMessage({ type: 'year', year });
    });
  }

  // The calendar: a grid with one tab stop (the roving tabindex). Up and down move by a day,
  // left and right by a week, Home and End to the first and last day, Page Up and Page Down by
  // four weeks; Enter or Space (or a click) opens the day's entries.
  const grid = document.getElementById('calendar');
  if (!grid) return;
  const days = Array.from(grid.querySelectorAll('td[data-day]')).sort((a, b) => (a.dataset.day < b.dataset.day ? -1 : a.dataset.day > b.dataset.day ? 1 : 0));
  const position = new Map(days.map((cell, i) => [cell, i]));
  let current = days.find((cell) => cell.tabIndex === 0) || days[0];

  function moveTo(index) {
    const next = days[Math.max(0, Math.min(days.length - 1, index))];
    if (!next) return;
    if (current) current.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
    current = next;
  }

  function open(cell) {
    if (cell.getAttribute('aria-disabled') === 'true') return;
    vscode.postMessage({ type: 'openDay', day: cell.dataset.day });
  }

  grid.addEventListener('keydown', (event) => {
    const cell = event.target instanceof Element ? event.target.closest('td[data-day]') : null;
    if (!cell || !position.has(cell)) return;
    const i = position.get(cell);
    const moves = { ArrowDown: i + 1, ArrowUp: i - 1, ArrowRight: i + 7, ArrowLeft: i - 7, PageDown: i + 28, PageUp: i - 28, Home: 0, End: days.length - 1 };
    if (Object.prototype.hasOwnProperty.call(moves, event.key)) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(cell);
    }
  });

  grid.addEventListener('click', (event) => {
    const cell = event.target instanceof Element ? event.target.closest('td[data-day]') : null;
    if (!cell || !position.has(cell)) return;
    moveTo(position.get(cell));
    open(cell);
  });
})();
