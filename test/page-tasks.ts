/**
 * How many tasks of the page ran while `work` was under way: a probe (a timer task) queues itself
 * again each time it runs. Work done in one go, however long, lets none run; work that gives the
 * browser its turn lets the probe in between.
 */
export async function withPageTasks<T>(work: () => Promise<T>): Promise<{ result: T; pageTasks: number }> {
  let pageTasks = 0;
  let probing = true;
  const probe = () => {
    if (!probing) return;
    pageTasks++;
    setTimeout(probe, 0);
  };
  setTimeout(probe, 0);
  try {
    const result = await work();
    return { result, pageTasks };
  } finally {
    probing = false;
  }
}
