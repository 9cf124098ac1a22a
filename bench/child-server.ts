/**
 * The life of a bench server in its own Node process (`*.child.ts`, started by `demo-server-process.ts`): tells
 * the parent its URL over IPC, its CPU time when asked (`cpu-usage`), and closes when the parent says so
 * (`close`) or goes away.
 */
export function serveParent(url: string, close: () => Promise<void>): void {
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await close().catch(() => {});
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'close') void stop();
    if (message === 'cpu-usage') process.send?.({ cpuUsage: process.cpuUsage() });
  });
  process.on('disconnect', () => void stop());
  process.send?.({ url });
}
