/** A loopback port nobody listens on (127.0.0.1). */
export function freePort(): Promise<number>;
