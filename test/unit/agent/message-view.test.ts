import { describe, expect, it } from 'vitest';
import { displayHtml } from '../../../shared/adapters/http/message-view';

describe('Function: displayHtml', () => {
  it('drops scripts, event handlers, styles and remote images but keeps the text and safe markup', () => {
    const html = displayHtml(
      [
        '<p onclick="steal()">Bonjour <b>équipe</b></p>',
        '<script>window.__pwned = 1</script>',
        '<img src="x" onerror="window.__pwned = 2">',
        '<img src="https://tracker.example/pixel.gif" alt="pixel">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">',
        '<style>body{background:url(https://x.example/a)}</style>',
        '<a href="javascript:alert(1)">clic</a> <a href="https://exodata.fr">site</a>',
        '<iframe src="https://evil.example"></iframe><svg><script>1</script></svg>',
      ].join(''),
    );
    expect(html).toContain('<p>Bonjour <b>équipe</b></p>');
    expect(html).not.toMatch(/script|onerror|onclick|__pwned|tracker|iframe|svg|style|javascript/i);
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).toContain('<a href="https://exodata.fr">site</a>');
    expect(html).toContain('[image bloquée : pixel]');
    expect(html).not.toMatch(/<img[^>]+src="x"/);
  });
});
