// Query parsing and error bodies exactly as TMDB v3 sends them, so the app's TMDB client meets the
// same failures offline as against the real service.
import { MAX_PAGE } from './offline-scores.ts';

export interface TmdbErrorBody {
  success: false;
  status_code: number;
  status_message: string;
}

export class TmdbHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: TmdbErrorBody,
  ) {
    super(body.status_message);
    this.name = 'TmdbHttpError';
  }
}

function tmdbError(status: number, statusCode: number, message: string): TmdbHttpError {
  return new TmdbHttpError(status, { success: false, status_code: statusCode, status_message: message });
}

export const notFound = (): TmdbHttpError => tmdbError(404, 34, 'The resource you requested could not be found.');
export const invalidPage = (): TmdbHttpError =>
  tmdbError(400, 22, 'Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.');
export const invalidParameters = (): TmdbHttpError =>
  tmdbError(422, 5, 'Invalid parameters: Your request parameters are incorrect.');

/** TMDB's bodies for failures the fault injector fakes; other statuses get a generic one. */
export function faultBody(status: number): TmdbErrorBody {
  switch (status) {
    case 401:
      return { success: false, status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.' };
    case 404:
      return notFound().body;
    case 429:
      return {
        success: false,
        status_code: 25,
        status_message: 'Your request count (#) is over the allowed limit of (40).',
      };
    case 503:
      return { success: false, status_code: 46, status_message: 'The API is undergoing maintenance. Try again later.' };
    default:
      return { success: false, status_code: 11, status_message: 'Internal error: Something went wrong, contact TMDb.' };
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export class QueryParams {
  constructor(private readonly search: URLSearchParams) {}

  /** The raw value; an empty value counts as absent, as TMDB treats `with_genres=`. */
  string(name: string): string | undefined {
    const value = this.search.get(name);
    return value === null || value.trim() === '' ? undefined : value.trim();
  }

  page(): number {
    const raw = this.string('page');
    if (raw === undefined) return 1;
    if (!/^\d+$/.test(raw)) throw invalidPage();
    const page = Number(raw);
    if (page < 1 || page > MAX_PAGE) throw invalidPage();
    return page;
  }

  number(name: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw invalidParameters();
    return value;
  }

  integer(name: string): number | undefined {
    const value = this.number(name);
    if (value !== undefined && !Number.isInteger(value)) throw invalidParameters();
    return value;
  }

  /** A YYYY-MM-DD date (a longer ISO timestamp is cut to its date) as epoch ms at UTC midnight. */
  date(name: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const match = DATE.exec(raw);
    const ms = match === null ? Number.NaN : Date.parse(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
    if (Number.isNaN(ms)) throw invalidParameters();
    return ms;
  }

  boolean(name: string): boolean | undefined {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return undefined;
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    throw invalidParameters();
  }

  /** TMDB's id lists: comma means AND, pipe means OR; returns AND-groups of OR-alternatives. */
  idGroups(name: string): number[][] | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const groups = raw.split(',').map((group) =>
      group
        .split('|')
        .filter((part) => part.trim() !== '')
        .map((part) => {
          const id = Number(part.trim());
          if (!Number.isInteger(id)) throw invalidParameters();
          return id;
        }),
    );
    return groups.filter((g) => g.length > 0);
  }

  /** Comma- or pipe-separated plain values (e.g. language or country codes), any of which may match. */
  list(name: string): string[] | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    return raw
      .split(/[|,]/)
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }

  /** Comma-separated names for append_to_response. */
  appends(): string[] {
    return this.list('append_to_response') ?? [];
  }
}
