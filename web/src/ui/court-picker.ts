/**
 * The court picker (docs/courts.md): a text input with a list of matching courts from the court
 * list (`GET /api/v1/courts?q=`), as the WAI-ARIA 1.2 combobox pattern — the input is the
 * combobox, the suggestions a listbox; arrow keys move, Enter picks, Escape closes, a click picks.
 * Typing a listed court's full name counts as picking it; anything else is sent as a name and the
 * server answers COURT_UNKNOWN.
 * @module
 */
import { api } from '../api.js';
import { h, replace, uid } from '../dom.js';
import { t } from '../i18n.js';
import type { Court } from '../types.js';

/** How many suggestions are shown at once. */
const SHOWN = 50;
/** Pause in typing before the list is asked (ms). */
const TYPING_PAUSE_MS = 150;

/** What a form sends for the picked court: its id, or a typed name for the server to resolve. */
export type CourtChoice = { readonly courtId: string } | { readonly court: string };

export interface CourtPicker {
  readonly wrap: HTMLElement;
  readonly input: HTMLInputElement;
  /** The court chosen or typed; undefined when the input is empty. */
  choice(): CourtChoice | undefined;
  /** Clears the input and the choice (after a form reset). */
  reset(): void;
}

/** The form in which the picker compares a typed name with listed ones (as the server does). */
function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** A labelled court picker named `name` (default `court`). */
export function courtPicker(o: {
  readonly label: string;
  readonly name?: string;
  readonly required?: boolean;
}): CourtPicker {
  const id = uid('court');
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const input = h('input', {
    id,
    type: 'text',
    name: o.name ?? 'court',
    required: o.required ?? false,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': hintId,
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 64,
    'data-court-picker': '',
  });
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'combo-list',
    'aria-label': t('court.picker.list'),
    hidden: true,
  });
  const status = h('p', { class: 'hint', 'aria-live': 'polite', 'data-court-status': '' });
  const wrap = h(
    'div',
    { class: 'field court-picker' },
    h(
      'label',
      { for: id },
      o.label,
      o.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    ),
    h('div', { class: 'combo' }, input, list),
    h('p', { class: 'hint', id: hintId }, t('court.picker.hint')),
    status,
  );

  let shown: Court[] = [];
  let active = -1;
  let picked: Court | undefined;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const optionId = (i: number): string => `${id}-opt-${i}`;
  const highlight = (i: number): void => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((el, n) => {
      el.setAttribute('aria-selected', String(n === i));
      if (n === i) el.scrollIntoView({ block: 'nearest' });
    });
    if (i >= 0) input.setAttribute('aria-activedescendant', optionId(i));
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (court: Court): void => {
    picked = court;
    input.value = court.name;
    close();
    status.textContent = t('court.picker.picked', { name: court.name });
  };
  const render = (q: string): void => {
    list.dataset.query = q; // what the options answer (the browser tests wait for it)
    replace(
      list,
      shown.map((c, i) => {
        const meta = [c.nameEn, c.region].filter(Boolean).join(' · ');
        const option = h(
          'li',
          { id: optionId(i), role: 'option', 'aria-selected': 'false', 'data-court-id': c.id },
          h('span', { class: 'combo-name' }, c.name),
          meta ? h('span', { class: 'combo-meta' }, meta) : null,
        );
        // mousedown, not click: the input keeps the focus, so its blur does not close the list first
        option.addEventListener('mousedown', (e) => {
          e.preventDefault();
          pick(c);
        });
        return option;
      }),
    );
    if (shown.length === 0) {
      close();
      status.textContent = q.trim() === '' ? '' : t('court.picker.none', { q: q.trim() });
      return;
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
    status.textContent = t('court.picker.results', { n: shown.length });
  };
  const ask = async (): Promise<void> => {
    const q = input.value;
    const mine = ++asked;
    let items: Court[];
    try {
      const query = q.trim() === '' ? '' : `?q=${encodeURIComponent(q.trim().slice(0, 64))}`;
      items = (await api<{ items: Court[] }>('GET', `/api/v1/courts${query}`)).items;
    } catch {
      return; // the form's own submit will show the error
    }
    if (mine !== asked || document.activeElement !== input) return; // a later question, or gone
    shown = items.slice(0, SHOWN);
    // The full name of a listed court typed out counts as picking it.
    const exact = q.trim() === '' ? undefined : shown.find((c) => nameKey(c.name) === nameKey(q));
    if (exact && shown.length === 1) {
      pick(exact);
      return;
    }
    if (exact) picked = exact;
    render(q);
  };
  const askSoon = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void ask(), TYPING_PAUSE_MS);
  };

  input.addEventListener('input', () => {
    if (picked && nameKey(input.value) !== nameKey(picked.name)) picked = undefined;
    asked++; // an answer to what was typed before is not shown
    askSoon();
  });
  input.addEventListener('focus', () => void ask());
  input.addEventListener('blur', () => {
    if (timer !== undefined) clearTimeout(timer);
    asked++; // an answer still on its way is not shown
    close();
  });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && shown.length > 0;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        void ask();
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + shown.length) % shown.length);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault(); // picks; the form is sent with the next Enter
      pick(shown[active]!);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  });

  return {
    wrap,
    input,
    choice() {
      const typed = input.value.trim();
      if (typed === '') return undefined;
      if (picked && nameKey(picked.name) === nameKey(typed)) return { courtId: picked.id };
      const listed = shown.find((c) => nameKey(c.name) === nameKey(typed));
      return listed ? { courtId: listed.id } : { court: typed };
    },
    reset() {
      input.value = '';
      picked = undefined;
      shown = [];
      status.textContent = '';
      close();
    },
  };
}
