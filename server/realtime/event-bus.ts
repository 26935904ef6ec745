import { EventEmitter } from 'node:events';

/** The WebSocket events of API.md. `userId` set: only that user's sockets receive it. */
export type RealtimeEvent =
  | { type: 'CACHE_UPDATE'; payload: { mediaType: string; mediaId: number | string; status: string }; userId?: string }
  | {
      type: 'JOB_PROGRESS';
      payload: { jobId: string; kind: string; done: number; total: number; status: string };
      userId?: string;
    }
  | { type: 'NOTIFICATION'; payload: Record<string, unknown>; userId?: string }
  /**
   * Internal, never sent to clients: the user's sessions and tokens were revoked (a ban, a password
   * reset, "sign out everywhere"), so every instance closes that user's sockets now.
   */
  | { type: 'SESSIONS_REVOKED'; payload: Record<string, never>; userId: string }
  /**
   * Internal, never sent to clients: something anonymous visitors see changed (a review, a public
   * list, a custom title), so every instance drops its cached anonymous pages and answers.
   */
  | { type: 'PUBLIC_CHANGED'; payload: Record<string, never>; userId?: undefined }
  /**
   * Internal, never sent to clients: an admin purged TMDB cache entries (all, or of a type and
   * category), so every instance drops its in-memory copies of them too.
   */
  | { type: 'CACHE_PURGED'; payload: { type?: string; category?: string }; userId?: undefined };

/**
 * Fans events out to every instance's sockets. This in-process bus serves one instance (the
 * embedded database runs one); the PostgreSQL LISTEN/NOTIFY bus implements the same interface.
 */
export interface EventBus {
  publish(event: RealtimeEvent): Promise<void>;
  subscribe(listener: (event: RealtimeEvent) => void): () => void;
  /** Resolves once events from other instances can arrive (at once for the in-process bus). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createLocalEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(event) {
      emitter.emit('event', event);
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    ready: () => Promise.resolve(),
    async close() {
      emitter.removeAllListeners();
    },
  };
}
