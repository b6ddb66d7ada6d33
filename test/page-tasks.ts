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

/**
 * Tells whether the task now running has ended: a task ends once its microtasks have all run, so a
 * long chain of them started now is over by the time a later task runs, and still going for code
 * that goes on in the same task. (A queued message would do, but WebKit does not always run
 * messages of two channels in the order they were posted.) `atTheEnd` runs then, in that task.
 */
export function thisTaskEnds(atTheEnd?: () => void): { readonly over: boolean } {
  let over = false;
  const hop = (left: number): void => {
    if (left > 0) return queueMicrotask(() => hop(left - 1));
    over = true;
    atTheEnd?.();
  };
  hop(1000);
  return {
    get over() {
      return over;
    },
  };
}
