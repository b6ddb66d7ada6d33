/** Types of wordpress-server.mjs (the test-runner plugin that runs a real WordPress). */
export declare const ROLES: string[];
export declare function wordpressPlugin(mockOrigin: () => string): {
  name: string;
  executeCommand(args: { command: string; payload: Record<string, unknown> }): Promise<unknown>;
  serverStop(): Promise<void>;
};
