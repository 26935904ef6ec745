import { count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { auditLog, users } from '#shared/schema';
import type { Executor } from '../db/database.ts';
import { containsPattern } from './admin-users.repository.ts';

export interface AuditRecord {
  actorId: string;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** The audit log: written in the same transaction as the change it records, read by admins. */
export function createAuditRepository(db: Executor) {
  return {
    async record(r: AuditRecord) {
      await db.insert(auditLog).values({
        actorId: r.actorId,
        action: r.action,
        targetType: r.targetType ?? null,
        targetId: r.targetId ?? null,
        details: r.details ?? null,
      });
    },
    /** Newest first; `q` matches the action, target, actor's name or anything in the details. */
    async list(q: { q?: string; page: number; limit: number }) {
      const p = q.q ? containsPattern(q.q) : null;
      const where = p
        ? or(
            ilike(auditLog.action, p),
            ilike(auditLog.targetType, p),
            ilike(auditLog.targetId, p),
            ilike(users.username, p),
            sql`${auditLog.details}::text ilike ${p}`,
          )
        : undefined;
      const [rows, totals] = await Promise.all([
        db
          .select({
            id: auditLog.id,
            actorId: auditLog.actorId,
            actorUsername: users.username,
            action: auditLog.action,
            targetType: auditLog.targetType,
            targetId: auditLog.targetId,
            details: auditLog.details,
            createdAt: auditLog.createdAt,
          })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorId))
          .where(where)
          .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
