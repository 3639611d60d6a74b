import MarkdownIt from 'markdown-it';
import { trusted, type SafeHtml } from './html.js';

/**
 * The clinic's page text, Markdown to HTML. `html: false` makes raw HTML in the source show as text
 * (a `<script>` an admin pastes is printed, never run); markdown-it's link validation drops
 * `javascript:`, `vbscript:` and `data:` URLs (except images).
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

/**
 * Gives every table cell a `data-label` naming its column, so on a phone the stylesheet can stack
 * each row as a card and still say what each value is (the column headers are hidden there).
 */
markdown.core.ruler.push('table_cell_labels', (state) => {
  let headers: string[] = [];
  let column = 0;
  let inHead = false;
  state.tokens.forEach((token, index) => {
    if (token.type === 'thead_open') {
      inHead = true;
      headers = [];
    } else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open') column = 0;
    else if (token.type === 'th_open' && inHead) headers.push(state.tokens[index + 1]?.content ?? '');
    else if (token.type === 'td_open') {
      const label = headers[column];
      if (label) token.attrSet('data-label', label);
      column += 1;
    }
  });
});

export function renderMarkdown(source: string): SafeHtml {
  return trusted(markdown.render(source));
}
