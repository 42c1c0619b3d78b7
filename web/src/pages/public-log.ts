/**
 * 公开日志 / Public log: what the footer's links used to open as raw JSON and text, explained —
 * the log's verifier key, its latest signed checkpoint, and how to check a certificate or watch
 * the log with them (docs/log.md, docs/verification.md). The raw resources stay linked for
 * programs.
 */
import { api, request } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import type { Page } from '../router.js';
import { card, copyButton, errorText, facts, loading, notice, pageTitle } from '../ui/common.js';

interface LogKey {
  readonly origin: string;
  readonly vkey: string;
  readonly previous?: readonly string[];
}

/** A command line, selectable, with a copy button. */
function command(text: string): HTMLElement {
  return h('div', { class: 'command' }, h('code', { class: 'mono' }, text), copyButton(text));
}

/** A raw resource for programs, named with its format. */
function raw(href: string, format: string): HTMLElement {
  return h('a', { href, class: 'mono small', 'data-raw': href }, `${href} (${format})`);
}

export const publicLogPage: Page = {
  name: 'public-log',
  title: 'log.title',
  async render({ main, alive }) {
    const keySlot = h('div', { 'data-log-key': '' }, loading());
    const checkpointSlot = h('div', { 'data-checkpoint': '' }, loading());
    const origin = location.origin;
    const verifyCommand = (vkey: string): HTMLElement =>
      command(`huicun verify 证据.pdf --certificate 存证证书.pdf --log-key ${vkey}`);
    const verifySlot = h('div', { 'data-verify-command': '' }, verifyCommand('"<vkey>"'));
    main.append(
      pageTitle(t('log.title'), t('log.lead')),
      h(
        'div',
        { class: 'columns columns-even' },
        h(
          'section',
          { class: 'card', id: 'key', 'aria-labelledby': 'log-key-title' },
          h('h2', { id: 'log-key-title' }, t('log.keyTitle')),
          h('p', { class: 'muted' }, t('log.keyLead')),
          keySlot,
          h('p', null, raw('/api/v1/log/key', 'JSON')),
        ),
        h(
          'section',
          { class: 'card', id: 'checkpoint', 'aria-labelledby': 'log-checkpoint-title' },
          h('h2', { id: 'log-checkpoint-title' }, t('log.checkpointTitle')),
          h('p', { class: 'muted' }, t('log.checkpointLead')),
          checkpointSlot,
          h('p', null, raw('/tlog/checkpoint', 'C2SP tlog-checkpoint')),
        ),
      ),
      card(
        t('log.useTitle'),
        h('h3', null, t('log.useVerify')),
        h('p', null, t('log.useVerifyText')),
        verifySlot,
        h('p', null, h('a', { href: '/verify/certificate' }, t('log.useBrowser'))),
        h('h3', null, t('log.useMonitor')),
        h('p', null, t('log.useMonitorText')),
        command(`huicun monitor ${origin} --state monitor-state.json`),
        h('h3', null, t('log.useTiles')),
        h('p', null, t('log.useTilesText')),
      ),
      h(
        'section',
        { class: 'card', id: 'api', 'aria-labelledby': 'log-api-title' },
        h('h2', { id: 'log-api-title' }, t('log.apiTitle')),
        h('p', null, t('log.apiText')),
        h('p', null, raw('/api/v1/openapi.json', 'OpenAPI 3.1, JSON')),
      ),
    );
    const [key, checkpoint] = await Promise.allSettled([
      api<LogKey>('GET', '/api/v1/log/key', undefined, { anonymous: true }),
      request('GET', '/api/v1/log/checkpoint', undefined, {
        anonymous: true,
        accept: 'text/plain',
      }).then((r) => r.text()),
    ]);
    if (!alive()) return;
    if (key.status === 'fulfilled') {
      const k = key.value;
      replace(verifySlot, verifyCommand(k.vkey));
      replace(
        keySlot,
        facts([
          [t('log.origin'), h('code', { class: 'mono' }, k.origin)],
          [
            t('log.vkey'),
            h(
              'div',
              { class: 'command' },
              h('code', { class: 'digest', 'data-vkey': k.vkey }, k.vkey),
              copyButton(k.vkey),
            ),
          ],
          (k.previous?.length ?? 0) > 0 && [
            t('log.previous'),
            h(
              'ul',
              { class: 'plain' },
              k.previous!.map((v) => h('li', null, h('code', { class: 'digest' }, v))),
            ),
          ],
        ]),
      );
    } else {
      replace(keySlot, notice('error', errorText(key.reason)));
    }
    if (checkpoint.status === 'fulfilled') {
      const [cpOrigin, size, root] = checkpoint.value.split('\n');
      replace(
        checkpointSlot,
        facts([
          [t('log.origin'), h('code', { class: 'mono' }, cpOrigin ?? '')],
          [t('log.size'), h('span', { 'data-tree-size': size ?? '' }, size ?? '')],
          [t('log.root'), h('code', { class: 'digest' }, root ?? '')],
        ]),
        h(
          'details',
          null,
          h('summary', null, t('log.signedText')),
          h('pre', { class: 'checkpoint-text' }, checkpoint.value),
        ),
      );
    } else {
      replace(checkpointSlot, notice('error', errorText(checkpoint.reason)));
    }
  },
};
