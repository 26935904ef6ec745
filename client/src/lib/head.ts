export interface HeadTags {
  title: string;
  description?: string;
  canonicalPath?: string;
  image?: string | null;
  type?: 'website' | 'video.movie' | 'video.tv_show' | 'profile';
  jsonLd?: Record<string, unknown>;
}

export const SITE_NAME = 'CineHub Pro';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const escapeJson = (v: unknown) =>
  JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const fullTitle = (title: string) => (title === SITE_NAME ? title : `${title} · ${SITE_NAME}`);

/** The per-page <head> tags rendered on the server: title, description, canonical, OG/Twitter, JSON-LD. */
export function renderHead(tags: HeadTags, origin: string): string {
  const title = escapeHtml(fullTitle(tags.title));
  const description = escapeHtml(tags.description ?? 'Discover movies and TV shows, keep watchlists, write reviews.');
  const out = [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:type" content="${tags.type ?? 'website'}" />`,
    `<meta name="twitter:card" content="${tags.image ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${title}" />`,
  ];
  if (tags.canonicalPath) {
    const canonical = escapeHtml(`${origin}${tags.canonicalPath}`);
    out.push(`<link rel="canonical" href="${canonical}" />`, `<meta property="og:url" content="${canonical}" />`);
  }
  if (tags.image) out.push(`<meta property="og:image" content="${escapeHtml(`${origin}${tags.image}`)}" />`);
  if (tags.jsonLd) {
    out.push(`<script type="application/ld+json" nonce="__CSP_NONCE__">${escapeJson(tags.jsonLd)}</script>`);
  }
  return out.join('\n    ');
}
