// pglite-socket 0.2.17 queues each protocol message on its own. PGlite has one backend session
// shared by every connection, so while one connection holds a transaction, another connection's
// half-processed extended query (Parse done, Bind/Execute still queued) resumes after the
// transaction re-parsed the shared unnamed statement: wrong rows or "portal does not exist".
// This keeps each connection's message batch (up to Sync, or a simple Query) together, and fixes
// the original's stuck queue after a failed message. Remove when pglite-socket does the same.
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(n: number): void;
  reject(e: unknown): void;
  onData(d: Uint8Array): void;
}
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(m: Uint8Array, o: { onRawData(d: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(id: number): void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
// A client closing (pg's pool.end) sends Terminate as its last message: no Sync follows it.
const TERMINATE = 0x58; // 'X'

export function keepBatchesTogether(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let midBatch: number | null = null;
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (id) => {
    if (midBatch === id) midBatch = null;
    clear(id);
  };
  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = midBatch ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        if (index === -1) break; // wait for the owner's next message
        const item = this.queue.splice(index, 1)[0]!;
        const type = item.message[0];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (d) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
        } catch (err) {
          midBatch = null;
          item.reject(err);
          continue;
        }
        midBatch = type === SYNC || type === QUERY || type === TERMINATE ? null : item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
