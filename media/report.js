// The Balance Report webview's only script. It posts messages and nothing else (no inline
// handlers: the page's CSP allows this file only, by nonce):
//   export                 the Export as Markdown button
//   range, weeks           the range control (4, 12, 52 or all weeks)
//   openTrait, id          a trait's name: show its entries
//   writeAbout, id         Write about it: a new entry about the suggested trait
//   newEntry               the empty report's New Entry button
// and keeps which tables are shown ("Show as table") across redraws in the webview's state.
/* global acquireVsCodeApi, document, window */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || {};
  const shownTables = new Set(Array.isArray(state.shownTables) ? state.shownTables : []);

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
})();
