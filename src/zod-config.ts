import { config } from 'zod/mini';

/**
 * Imported first by `main.tsx`, before any module builds a schema: zod's object schemas otherwise probe
 * `new Function('')` when they are built, to see whether they may compile a fast path, and under the strict
 * Content-Security-Policy (`script-src 'self'`, see docs/security.md) the browser reports that probe as a violation
 * even though zod catches the error.
 */
config({ jitless: true });
