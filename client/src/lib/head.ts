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

/** JSON-LD `url` and `image` may be paths; search engines want absolute URLs. */
function absoluteJsonLd(data: Record<string, unknown>, origin: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const key of ['url', 'image']) {
    const v = out[key];
    if (typeof v === 'string' && v.startsWith('/')) out[key] = `${origin}${v}`;
  }
  return out;
}

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
    `<meta name="twitter:description" content="${description}" />`,
  ];
  if (tags.canonicalPath) {
    const canonical = escapeHtml(`${origin}${tags.canonicalPath}`);
    out.push(`<link rel="canonical" href="${canonical}" />`, `<meta property="og:url" content="${canonical}" />`);
  }
  if (tags.image) {
    const image = escapeHtml(`${origin}${tags.image}`);
    out.push(`<meta property="og:image" content="${image}" />`, `<meta name="twitter:image" content="${image}" />`);
  }
  if (tags.jsonLd) {
    out.push(
      `<script type="application/ld+json" nonce="__CSP_NONCE__">${escapeJson(absoluteJsonLd(tags.jsonLd, origin))}</script>`,
    );
  }
  return out.join('\n    ');
}
