import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../lib/query-keys.ts';
import { useBrowserValue } from './use-browser-value.ts';

export type LiveStatus = 'connecting' | 'open' | 'closed';
export interface LiveJob {
  jobId: string;
  kind: string;
  done: number;
  total: number;
  status: string;
  at: number;
}

const MAX_LIVE_JOBS = 20;
const TERMINAL = new Set(['queued', 'retry', 'completed', 'failed']);

type ServerMessage = { type: string; payload: Record<string, unknown> };

function parse(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const m = JSON.parse(data) as Partial<ServerMessage>;
    return typeof m.type === 'string' && typeof m.payload === 'object' && m.payload !== null
      ? (m as ServerMessage)
      : null;
  } catch {
    return null;
  }
}

/** Refreshes what an event says changed; only queries on screen refetch, the rest go stale. */
function apply(queryClient: QueryClient, m: ServerMessage) {
  const p = m.payload;
  if (m.type === 'CACHE_UPDATE') {
    const mediaType = String(p.mediaType);
    const mediaId = p.mediaId as number | string;
    if (mediaType === 'movie' && typeof mediaId === 'number')
      void queryClient.invalidateQueries({ queryKey: queryKeys.catalog.movie(mediaId) });
    if (mediaType === 'tv' && typeof mediaId === 'number')
      void queryClient.invalidateQueries({ queryKey: queryKeys.catalog.tv(mediaId) });
    if (mediaType === 'custom' && typeof mediaId === 'string') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.library.customTitle(mediaId) });
    }
    if (p.status === 'reviews') {
      void queryClient.invalidateQueries({ queryKey: ['library', 'reviews'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.library.reviewSummary(mediaType, mediaId) });
    }
    return;
  }
  if (m.type === 'JOB_PROGRESS') {
    const job: LiveJob = {
      jobId: String(p.jobId),
      kind: String(p.kind),
      done: Number(p.done) || 0,
      total: Number(p.total) || 0,
      status: String(p.status),
      at: Date.now(),
    };
    queryClient.setQueryData<LiveJob[]>(queryKeys.live.jobs(), (prev = []) =>
      [job, ...prev.filter((j) => j.jobId !== job.jobId)].slice(0, MAX_LIVE_JOBS),
    );
    // Progress ticks only move the bar; a job changing state changes the jobs list.
    if (TERMINAL.has(job.status)) void queryClient.invalidateQueries({ queryKey: queryKeys.admin.jobsAll });
  }
}

/**
 * One WebSocket per page, opened after hydration (effects never run on the server): events from
 * /ws refresh the matching queries. Reconnects with capped, jittered backoff when the connection
 * drops (a deploy, a network blip). Mount once, in the app shell.
 */
export function useLiveEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let socket: WebSocket | null = null;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const setStatus = (s: LiveStatus) => queryClient.setQueryData(queryKeys.live.status(), s);

    const connect = () => {
      setStatus('connecting');
      const ws = new WebSocket(`${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws`);
      socket = ws;
      ws.onopen = () => {
        attempt = 0;
        setStatus('open');
      };
      ws.onmessage = (e) => {
        const m = parse(e.data);
        if (m) apply(queryClient, m);
      };
      ws.onclose = () => {
        if (stopped) return;
        setStatus('closed');
        const delay = Math.min(30_000, 500 * 2 ** attempt++) * (0.5 + Math.random() / 2);
        timer = setTimeout(connect, delay);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close(1000);
    };
  }, [queryClient]);
}

/**
 * False on the server and while this part of the page hydrates, true after. The socket opens
 * when the app shell hydrates, so its news can come before a lazily loaded page has hydrated:
 * what a page shows of it waits until then, so that hydration meets the server's HTML.
 */
const useHydrated = () => useBrowserValue(() => true, false);

/** The socket's state, for a "live" indicator. */
export function useLiveStatus(): LiveStatus {
  const status = useQuery<LiveStatus>({
    queryKey: queryKeys.live.status(),
    queryFn: () => 'closed',
    initialData: 'closed',
    staleTime: Infinity,
  }).data;
  return useHydrated() ? status : 'closed';
}

const NO_JOBS: LiveJob[] = [];
/** The latest JOB_PROGRESS per job, newest first, as the socket delivered them. */
export function useLiveJobs(): LiveJob[] {
  const jobs = useQuery<LiveJob[]>({
    queryKey: queryKeys.live.jobs(),
    queryFn: () => [],
    initialData: [],
    staleTime: Infinity,
  }).data;
  return useHydrated() ? jobs : NO_JOBS;
}
