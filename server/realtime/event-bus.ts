import { EventEmitter } from 'node:events';

/** The WebSocket events of API.md. `userId` set: only that user's sockets receive it. */
export type RealtimeEvent =
  | { type: 'CACHE_UPDATE'; payload: { mediaType: string; mediaId: number | string; status: string }; userId?: string }
  | {
      type: 'JOB_PROGRESS';
      payload: { jobId: string; kind: string; done: number; total: number; status: string };
      userId?: string;
    }
  | { type: 'NOTIFICATION'; payload: Record<string, unknown>; userId?: string };

/**
 * Fans events out to every instance's sockets. This in-process bus serves one instance (the
 * embedded database runs one); the PostgreSQL LISTEN/NOTIFY bus implements the same interface.
 */
export interface EventBus {
  publish(event: RealtimeEvent): Promise<void>;
  subscribe(listener: (event: RealtimeEvent) => void): () => void;
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
    async close() {
      emitter.removeAllListeners();
    },
  };
}
