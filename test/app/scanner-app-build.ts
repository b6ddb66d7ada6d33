import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Waits for the door app the runner builds on first use (`scanner-app-build`, test/app/app-server.mjs).
 * A server command must answer within 20 s and the build takes longer, so the command answers
 * whether it is done and this asks again until it is. Give the hook that calls it 5 minutes.
 */
export async function scannerAppBuilt(): Promise<void> {
  while (!(await executeServerCommand<{ ready: boolean }, undefined>('scanner-app-build')).ready);
}
