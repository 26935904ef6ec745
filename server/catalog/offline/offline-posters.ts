// Posters, backdrops and profile pictures for the offline catalog, drawn as SVG: the catalog has
// image paths but no image files. A gradient from a palette keyed by genre (or id), the title in
// large type, the year. All text is escaped; nothing from the data reaches the markup raw.
import type { ImageSubject, OfflineCatalog } from './offline-data.ts';

/** Every size TMDB's /configuration lists; the value is the drawn width, or height for "h…". */
export const IMAGE_SIZES: ReadonlyMap<string, { width?: number; height?: number }> = new Map([
  ['w45', { width: 45 }],
  ['w92', { width: 92 }],
  ['w154', { width: 154 }],
  ['w185', { width: 185 }],
  ['w300', { width: 300 }],
  ['w342', { width: 342 }],
  ['w500', { width: 500 }],
  ['w780', { width: 780 }],
  ['w1280', { width: 1280 }],
  ['h632', { height: 632 }],
  ['original', {}],
]);

type Palette = readonly [string, string];

// Dark-to-bright pairs so white type stays readable on every one of them.
const GENRE_PALETTES: ReadonlyMap<number, Palette> = new Map<number, Palette>([
  [28, ['#3b0d0c', '#c2410c']],
  [12, ['#0f2e1d', '#a16207']],
  [16, ['#172554', '#0891b2']],
  [35, ['#3f2a06', '#d97706']],
  [80, ['#0b0f19', '#7f1d1d']],
  [99, ['#0b2b28', '#0f766e']],
  [18, ['#1e1b4b', '#9d174d']],
  [10751, ['#0c3a48', '#4d7c0f']],
  [14, ['#2e1065', '#a21caf']],
  [36, ['#292524', '#92400e']],
  [27, ['#050505', '#6b0f0f']],
  [10402, ['#4a044e', '#6d28d9']],
  [9648, ['#0f172a', '#3730a3']],
  [10749, ['#4c0519', '#db2777']],
  [878, ['#082f49', '#4f46e5']],
  [10770, ['#1f2937', '#4b5563']],
  [53, ['#111827', '#b45309']],
  [10752, ['#1c1917', '#57534e']],
  [37, ['#431407', '#b45309']],
  [10759, ['#3b0d0c', '#b45309']],
  [10762, ['#083344', '#16a34a']],
  [10763, ['#0f172a', '#1d4ed8']],
  [10764, ['#4a044e', '#e11d48']],
  [10765, ['#1e1b4b', '#7c3aed']],
  [10766, ['#500724', '#be185d']],
  [10767, ['#042f2e', '#0d9488']],
  [10768, ['#1c1917', '#78716c']],
]);
const FALLBACK_PALETTES: readonly Palette[] = [
  ['#0f172a', '#334155'],
  ['#1e1b4b', '#4338ca'],
  ['#042f2e', '#0f766e'],
  ['#3b0764', '#9333ea'],
  ['#451a03', '#b45309'],
  ['#0c4a6e', '#0284c7'],
  ['#4c0519', '#be123c'],
  ['#14532d', '#15803d'],
];

const FONT = "Inter, 'Helvetica Neue', Helvetica, Arial, sans-serif";

// Characters XML forbids outright (C0 controls other than tab and newlines).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function palette(genreIds: readonly number[], id: number): Palette {
  for (const g of genreIds) {
    const p = GENRE_PALETTES.get(g);
    if (p !== undefined) return p;
  }
  return FALLBACK_PALETTES[Math.abs(id) % FALLBACK_PALETTES.length] ?? ['#0f172a', '#334155'];
}

/** Greedy word wrap with an estimated glyph width; words longer than a line are split. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const raw of text.split(/\s+/).filter((w) => w !== '')) {
    let word = raw;
    while (word.length > maxChars) {
      if (line !== '') lines.push(line);
      lines.push(word.slice(0, maxChars - 1) + '-');
      word = word.slice(maxChars - 1);
      line = '';
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The largest type (down to a floor) at which the text fits the box in at most `maxLines`. */
function fitText(text: string, boxWidth: number, maxFont: number, maxLines: number): { size: number; lines: string[] } {
  for (let size = maxFont; size > 28; size -= 6) {
    const lines = wrapText(text, Math.max(4, Math.floor(boxWidth / (size * 0.56))));
    if (lines.length <= maxLines) return { size, lines };
  }
  const lines = wrapText(text, Math.floor(boxWidth / (28 * 0.56)));
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
  return { size: 28, lines: kept };
}

interface Drawing {
  shape: 'poster' | 'backdrop' | 'profile';
  title: string;
  subtitle: string;
  label: string;
  colors: Palette;
}

function describe(subject: ImageSubject, catalog: OfflineCatalog): Drawing {
  switch (subject.kind) {
    case 'movie': {
      const m = subject.movie;
      return {
        shape: subject.shape,
        title: m.title,
        subtitle: m.year === null ? '' : String(m.year),
        label: 'FILM',
        colors: palette(m.genre_ids, m.id),
      };
    }
    case 'tv': {
      const s = subject.show;
      const year = s.first_air_date?.slice(0, 4) ?? '';
      return {
        shape: subject.shape,
        title: s.name,
        subtitle: year,
        label: 'SERIES',
        colors: palette(s.genre_ids, s.id),
      };
    }
    case 'season': {
      const { show, season } = subject;
      const year = season.air_date?.slice(0, 4);
      const subtitle = year === undefined ? season.name : `${season.name} · ${year}`;
      return { shape: 'poster', title: show.name, subtitle, label: 'SERIES', colors: palette(show.genre_ids, show.id) };
    }
    case 'person': {
      const p = subject.person;
      return {
        shape: 'profile',
        title: p.name,
        subtitle: p.known_for_department ?? '',
        label: '',
        colors: palette([], p.id),
      };
    }
    case 'collection': {
      const first = catalog.movies.find((m) => m.belongs_to_collection?.id === subject.id);
      return {
        shape: subject.shape,
        title: subject.name,
        subtitle: '',
        label: 'COLLECTION',
        colors: palette(first?.genre_ids ?? [], subject.id),
      };
    }
  }
}

function initials(name: string): string {
  const parts = name.split(/\s+/).filter((p) => /\p{L}/u.test(p));
  const first = parts[0]?.match(/\p{L}/u)?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.match(/\p{L}/u)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function textBlock(
  lines: string[],
  x: number,
  firstBaseline: number,
  size: number,
  anchor: 'middle' | 'start',
): string {
  const tspans = lines
    .map((line, i) => `<tspan x="${x}" y="${Math.round(firstBaseline + i * size * 1.12)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text font-family="${FONT}" font-size="${size}" font-weight="800" fill="#fff" text-anchor="${anchor}" letter-spacing="-0.5">${tspans}</text>`;
}

function caption(
  text: string,
  x: number,
  y: number,
  size: number,
  anchor: 'middle' | 'start',
  opacity: number,
): string {
  if (text === '') return '';
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="600" fill="#fff" fill-opacity="${opacity}" text-anchor="${anchor}" letter-spacing="3">${escapeXml(text)}</text>`;
}

function body(d: Drawing, w: number, h: number): string {
  if (d.shape === 'backdrop') {
    const fit = fitText(d.title, w * 0.6, 96, 3);
    const top = h - 150 - (fit.lines.length - 1) * fit.size * 1.12;
    return [
      `<rect width="${w}" height="${h}" fill="url(#shade-x)"/>`,
      caption(d.label, 80, top - fit.size - 10, 22, 'start', 0.7),
      textBlock(fit.lines, 80, top, fit.size, 'start'),
      caption(d.subtitle, 80, h - 90, 30, 'start', 0.85),
    ].join('');
  }
  if (d.shape === 'profile') {
    const fit = fitText(d.title, w - 100, 64, 3);
    return [
      `<circle cx="${w / 2}" cy="330" r="170" fill="#fff" fill-opacity="0.12"/>`,
      `<text x="${w / 2}" y="385" font-family="${FONT}" font-size="150" font-weight="700" fill="#fff" fill-opacity="0.9" text-anchor="middle">${escapeXml(initials(d.title))}</text>`,
      `<rect width="${w}" height="${h}" fill="url(#shade-y)"/>`,
      textBlock(fit.lines, w / 2, 640, fit.size, 'middle'),
      caption(d.subtitle.toUpperCase(), w / 2, h - 60, 24, 'middle', 0.8),
    ].join('');
  }
  const fit = fitText(d.title, w - 100, 88, 5);
  const blockHeight = (fit.lines.length - 1) * fit.size * 1.12;
  const first = Math.min(560, 720 - blockHeight);
  return [
    `<rect width="${w}" height="${h}" fill="url(#shade-y)"/>`,
    caption(d.label, w / 2, 90, 22, 'middle', 0.7),
    `<rect x="${w / 2 - 30}" y="${Math.round(first - fit.size - 24)}" width="60" height="4" rx="2" fill="#fff" fill-opacity="0.7"/>`,
    textBlock(fit.lines, w / 2, first, fit.size, 'middle'),
    caption(d.subtitle, w / 2, h - 80, 32, 'middle', 0.85),
  ].join('');
}

/** The SVG for one subject at one TMDB size name (assumed to be a key of IMAGE_SIZES). */
export function drawImage(subject: ImageSubject, sizeName: string, catalog: OfflineCatalog): string {
  const d = describe(subject, catalog);
  const [w, h] = d.shape === 'backdrop' ? [1280, 720] : [600, 900];
  const size = IMAGE_SIZES.get(sizeName) ?? {};
  const outW = size.width ?? (size.height === undefined ? w : Math.round((size.height * w) / h));
  const outH = size.height ?? Math.round((outW * h) / w);
  const [c1, c2] = d.colors;
  const label = escapeXml(d.subtitle === '' ? d.title : `${d.title} (${d.subtitle})`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${outW}" height="${outH}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    '<defs>',
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c1}"/><stop offset="1" stop-color="${c2}"/></linearGradient>`,
    '<linearGradient id="shade-y" x1="0" y1="0" x2="0" y2="1"><stop offset="0.35" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.65"/></linearGradient>',
    '<linearGradient id="shade-x" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity="0.6"/><stop offset="0.7" stop-color="#000" stop-opacity="0"/></linearGradient>',
    '</defs>',
    `<rect width="${w}" height="${h}" fill="url(#bg)"/>`,
    `<circle cx="${w * 0.85}" cy="${h * 0.12}" r="${w * 0.45}" fill="#fff" fill-opacity="0.06"/>`,
    `<circle cx="${w * 0.1}" cy="${h * 0.95}" r="${w * 0.3}" fill="none" stroke="#fff" stroke-opacity="0.08" stroke-width="2"/>`,
    body(d, w, h),
    '</svg>',
  ].join('');
}
