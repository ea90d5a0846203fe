// The Balance Report webview's only script. It posts messages and nothing else (no inline
// handlers: the page's CSP allows this file only, by nonce):
//   shown, nonce           the page loaded (the extension sends a page again that never says so)
//   export                 the Export as Markdown button
//   range, weeks           the range control (4, 12, 52 or all weeks)
//   openTrait, id          a trait's name: show its entries
//   writeAbout, id         Write about it: a new entry about the suggested trait
//   newEntry               the empty report's New Entry button
//   year, year             the calendar's previous and next year buttons
//   openDay, day           a calendar day (Enter, Space or a click): its entries
// It keeps which tables are shown ("Show as table") across redraws in the webview's state, and
// moves the keyboard focus between the calendar's days (one tab stop, a roving tabindex).
/* global acquireVsCodeApi, document, window, Element */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  // The nonce the page was sent with tells the extension which page this is.
  vscode.postMessage({ type: 'shown', nonce: document.currentScript ? document.currentScript.nonce : undefined });
  const state = vscode.getState() || {};
  const shownTables = new Set(Array.isArray(state.shownTables) ? state.shownTables : []);

  // After a year button redraws the page, focus and scroll come back to where they were.
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  const again = typeof state.focus === 'string' && document.getElementById(state.focus);
  if (again && !again.disabled) again.focus();
  else if (again) document.getElementById('calendar')?.querySelector('td[tabindex="0"]')?.focus();
  if (state.focus !== undefined || state.scrollY !== undefined) vscode.setState({ shownTables: [...shownTables] });

  function save() {
    vscode.setState({ ...(vscode.getState() || {}), shownTables: [...shownTables] });
  }

  /** Shows or hides a chart's table; hidden, it stays in the page for screen readers. */
  function showTable(toggle, show) {
    const wrap = document.getElementById(toggle.getAttribute('aria-controls') || '');
    if (!wrap) return;
    wrap.classList.toggle('visually-hidden', !show);
    // A shown table scrolls sideways by keyboard; a hidden one takes no Tab stop (the chart's
    // trait names are the keyboard's way to the entries then).
    if (show) wrap.setAttribute('tabindex', '0');
    else wrap.removeAttribute('tabindex');
    for (const button of wrap.querySelectorAll('button')) {
      if (show) button.removeAttribute('tabindex');
      else button.setAttribute('tabindex', '-1');
    }
    toggle.setAttribute('aria-expanded', String(show));
    toggle.textContent = (show ? toggle.dataset.hideText : toggle.dataset.showText) || toggle.textContent;
  }

  for (const toggle of document.querySelectorAll('.table-toggle')) {
    const id = toggle.getAttribute('aria-controls') || '';
    showTable(toggle, shownTables.has(id));
  }

  const exportButton = document.getElementById('export');
  const status = document.getElementById('status');
  let busy = false;

  // Buttons: Enter and Space work from the keyboard as well as a click.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof window.Element ? event.target.closest('button, a[data-trait]') : null;
    if (!target || target.disabled) return;
    if (target.tagName.toLowerCase() === 'a') event.preventDefault();
    if (target.classList.contains('table-toggle')) {
      const id = target.getAttribute('aria-controls') || '';
      const show = target.getAttribute('aria-expanded') !== 'true';
      showTable(target, show);
      if (show) shownTables.add(id);
      else shownTables.delete(id);
      save();
    } else if (target.classList.contains('range-choice')) {
      vscode.postMessage({ type: 'range', weeks: target.dataset.range });
    } else if (target.id === 'write-about') {
      vscode.postMessage({ type: 'writeAbout', id: target.dataset.trait });
    } else if (target.getAttribute('data-trait')) {
      // An SVG <a> has no dataset in every engine: read the attribute.
      vscode.postMessage({ type: 'openTrait', id: target.getAttribute('data-trait') });
    } else if (target.id === 'new-entry') {
      vscode.postMessage({ type: 'newEntry' });
    } else if (target === exportButton && !busy) {
      busy = true;
      target.setAttribute('aria-busy', 'true');
      if (status) status.textContent = target.dataset.busyText || '';
      vscode.postMessage({ type: 'export' });
    }
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if ((message.type === 'exported' || message.type === 'exportFailed') && exportButton && status) {
      busy = false;
      exportButton.removeAttribute('aria-busy');
      // textContent, never HTML: the path is shown as written. The extension sends the words, translated.
      status.textContent = String(message.text || '');
    }
  });

  // Previous and next year.
  for (const id of ['prev-year', 'next-year']) {
    const yearButton = document.getElementById(id);
    if (!yearButton) continue;
    yearButton.addEventListener('click', () => {
      const year = Number(yearButton.dataset.year);
      if (!Number.isInteger(year)) return;
      vscode.setState({ ...(vscode.getState() || {}), shownTables: [...shownTables], focus: id, scrollY: window.scrollY });
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
