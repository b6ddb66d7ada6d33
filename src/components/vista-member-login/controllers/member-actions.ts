/**
 * What signing in asks Vista, apart from the form (controllers/sign-in.ts): the call for the mode
 * (token, cookie, or a box-office workstation's card or phone and PIN), the member after a cookie
 * sign-in, and the lock-out's countdown. A chunk of its own, fetched when the element connects,
 * so the form paints without it and it is here before a member has typed a password.
 *
 * It imports no code, only types: what it uses from the element's module comes as `SignInTools`
 * (as views/workstation.ts gets its parts), since a chunk importing those modules would move them,
 * and Lit, out of the element's module into a shared chunk that costs more than this one saves.
 */
import type { ConfigError } from '../../../api/errors.js';
import type { createVistaMembersClient } from '../../../api/vista/members.js';
import type { MemberAuthenticationRequest, VistaMember } from '../../../api/vista/types.js';
import type { askVistaWhoIsSignedIn, isNobodySignedIn, tokenFromAnswer, vistaConfigOf, VistaMemberSession } from '../../../shared/vista/session.js';
import type { LoginHost, sessionModeOf } from './login-host.js';

export { LockoutController } from './lockout.js';

/** The element module's code the calls use, handed over by controllers/sign-in.ts. */
export interface SignInTools {
  ConfigError: typeof ConfigError;
  createVistaMembersClient: typeof createVistaMembersClient;
  askVistaWhoIsSignedIn: typeof askVistaWhoIsSignedIn;
  isNobodySignedIn: typeof isNobodySignedIn;
  tokenFromAnswer: typeof tokenFromAnswer;
  vistaConfigOf: typeof vistaConfigOf;
  sessionModeOf: typeof sessionModeOf;
}

export type WorkstationIdentity = { card_number: string; pin: string } | { phone_number: string; pin: string } | { email?: string; username?: string; password: string };

export function signInWith(t: SignInTools, host: LoginHost, credentials: MemberAuthenticationRequest): Promise<VistaMemberSession> {
  return ask(t, host, async (members, club) => {
    const remember = credentials.remember ?? false;
    if (t.sessionModeOf(host) === 'cookie') {
      await members.createAuthenticationCookie({ ...credentials, ...club });
      return { mode: 'cookie', member: await memberWithCookie(t, host), remember };
    }
    const token = t.tokenFromAnswer(await members.createAuthenticationToken({ ...credentials, ...club }));
    // The member's details; a signed-in member without them is still signed in ("where known").
    const member = await members.getCurrentMember({ memberToken: token.accessToken }).catch(() => undefined);
    return { mode: 'token', token, member, remember };
  });
}

export function signInOnWorkstation(t: SignInTools, host: LoginHost, identity: WorkstationIdentity): Promise<VistaMemberSession> {
  const deviceToken = host.deviceToken;
  if (!deviceToken) return Promise.reject(new t.ConfigError('Workstation mode needs the device token (device-token)', 'device-token'));
  return ask(t, host, async (members, club) => {
    await members.createWorkstationCookie({ ...identity, ...club }, deviceToken);
    return { mode: 'workstation', member: await memberWithCookie(t, host), remember: false };
  });
}

function ask(
  t: SignInTools,
  host: LoginHost,
  call: (members: ReturnType<typeof createVistaMembersClient>, club: { club_id?: string }) => Promise<VistaMemberSession>,
): Promise<VistaMemberSession> {
  return call(t.createVistaMembersClient(t.vistaConfigOf(host)), host.clubId ? { club_id: host.clubId } : {});
}

/**
 * After a cookie sign-in: the member, as Vista sees them with the cookie it just set. A 401 or 403
 * here means the browser did not keep that cookie (a third-party cookie, blocked): nobody is
 * signed in, whatever the sign-in call answered.
 */
async function memberWithCookie(t: SignInTools, host: LoginHost): Promise<VistaMember | undefined> {
  try {
    return (await t.askVistaWhoIsSignedIn(t.vistaConfigOf(host), { withCookies: true })).member;
  } catch (error) {
    if (t.isNobodySignedIn(error)) {
      throw new t.ConfigError(
        `The browser did not keep Vista's sign-in cookie (third-party cookies are blocked): mode="${t.sessionModeOf(host)}" needs the Vista API on this site's own domain, or Partitioned cookies; mode="token" needs neither`,
        'mode',
      );
    }
    return undefined; // the details are "where known": a network failure here does not undo the sign-in
  }
}
