import { describe, expect, it } from 'vitest';
import { parseConsentMarkdown, parseInline, spansText } from './markdown.js';

describe('parseConsentMarkdown', () => {
  it('reads headings, paragraphs, lists and rules', () => {
    const blocks = parseConsentMarkdown(['# Consent', '', 'First line', 'continues here.', '', '## Risks', '- Nausea', '- Raised', '  blood pressure', '', '1. One', '2. Two', '', '---', 'End'].join('\n'));
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'list', 'rule', 'paragraph']);
    expect(blocks[1]).toEqual({ type: 'paragraph', spans: [{ text: 'First line continues here.', bold: false, italic: false }] });
    const bullets = blocks[3];
    expect(bullets?.type === 'list' && bullets.items.map(spansText)).toEqual(['Nausea', 'Raised blood pressure']);
    expect(blocks[4]).toMatchObject({ type: 'list', ordered: true });
  });

  it('keeps raw HTML as text', () => {
    expect(parseConsentMarkdown('<script>alert(1)</script>')).toEqual([
      { type: 'paragraph', spans: [{ text: '<script>alert(1)</script>', bold: false, italic: false }] },
    ]);
  });

  it('handles Windows line endings', () => {
    expect(parseConsentMarkdown('# A\r\n\r\nB').map((block) => block.type)).toEqual(['heading', 'paragraph']);
  });
});

describe('parseInline', () => {
  it('splits bold and italic spans', () => {
    expect(parseInline('Do **not drive** for *24 hours*.')).toEqual([
      { text: 'Do ', bold: false, italic: false },
      { text: 'not drive', bold: true, italic: false },
      { text: ' for ', bold: false, italic: false },
      { text: '24 hours', bold: false, italic: true },
      { text: '.', bold: false, italic: false },
    ]);
  });

  it('leaves snake_case, a lone asterisk and escaped markers alone', () => {
    expect(spansText(parseInline('kap_treatment 2 * 3 \\*literal\\*'))).toBe('kap_treatment 2 * 3 *literal*');
    expect(parseInline('kap_treatment')).toHaveLength(1);
  });
});
