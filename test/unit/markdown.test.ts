import * as assert from 'node:assert';
import { escapeMarkdown } from '../../src/extension/markdown';

describe('hover text escaping', () => {
  it('Markdown and HTML from an article show literally', () => {
    const hostile =
      'ТОВ «[Альфа](command:workbench.action.terminal.new)» <img src=x onerror=alert(1)> **жирний** `код`';
    const md = escapeMarkdown(hostile);
    for (const ch of ['[', ']', '(', ')', '<', '>', '*', '`'])
      assert.ok(!new RegExp(`(^|[^\\\\])\\${ch}`).test(md), `unescaped ${ch} in ${md}`);
    assert.strictEqual(md.replace(/\\(.)/g, '$1'), hostile);
  });
});
