/**
 * Vista OCAPI member authentication and the current member
 * (seed: vista-ocapi-member-authentication.txt).
 *
 *   const members = createVistaMembersClient({ apiBase, apiToken, regionCode });
 *   const token = await members.createAuthenticationToken({ grant_type: 'password', email, password });
 *   const member = await members.getCurrentMember({ memberToken: token.access_token });
 */
import { vistaRequest, type VistaCallOptions, type VistaClientConfig } from './call.js';
import type {
  AuthenticationTokenResponse,
  CurrentMemberResponse,
  MemberAuthenticationRequest,
  MemberDetailsUpdate,
  VistaMember,
  WorkstationAuthenticationRequest,
} from './types.js';

export interface VistaMembersClient {
  /**
   * Signs a member in (grant `password`), refreshes a session (`refresh_token`) or exchanges an
   * external identity token (`external_issuer`). The caller keeps the tokens; `access_token`
   * goes in `memberToken` of later calls.
   */
  createAuthenticationToken(credentials: MemberAuthenticationRequest, options?: VistaCallOptions): Promise<AuthenticationTokenResponse>;
  /** Signs a member in with an HttpOnly cookie (for pages without safe token storage). */
  createAuthenticationCookie(credentials: MemberAuthenticationRequest, options?: VistaCallOptions): Promise<void>;
  /** Signs out a cookie session (the page cannot delete an HttpOnly cookie itself). */
  expireAuthenticationCookie(options?: VistaCallOptions): Promise<void>;
  /**
   * Signs a member in on an authenticated box-office device: `deviceToken` is the Central
   * Identity Management device (DIM) token and replaces the site token in `Authorization`.
   */
  createWorkstationCookie(
    credentials: Omit<WorkstationAuthenticationRequest, 'grant_type'> & { grant_type?: string },
    deviceToken: string,
    options?: VistaCallOptions,
  ): Promise<void>;
  /** The signed-in member (by `memberToken`, or by cookie with `withCookies`). */
  getCurrentMember(options?: VistaCallOptions): Promise<VistaMember>;
  /** Changes the member's name or email; refused for workstation sessions (the seed). */
  updateCurrentMember(changes: MemberDetailsUpdate, options?: VistaCallOptions): Promise<VistaMember>;
}

/** A members client for one tenant (`config.apiBase`). */
export function createVistaMembersClient(config: VistaClientConfig): VistaMembersClient {
  return {
    createAuthenticationToken: (credentials, options) =>
      vistaRequest<AuthenticationTokenResponse>(config, 'members/authentication-token', { method: 'POST', body: formBody(credentials) }, options),

    createAuthenticationCookie: (credentials, options) =>
      vistaRequest<void>(
        config,
        'members/authentication-cookie',
        // The cookie is only stored from a cross-origin answer when credentials are included.
        { method: 'POST', body: formBody(credentials), responseType: 'none', credentials: 'include' },
        options,
      ),

    expireAuthenticationCookie: (options) =>
      vistaRequest<void>(config, 'members/authentication-cookie', { method: 'DELETE', responseType: 'none', credentials: 'include' }, options),

    createWorkstationCookie: (credentials, deviceToken, options) =>
      vistaRequest<void>(
        config,
        'members/workstation-authentication-cookie',
        {
          method: 'POST',
          // The seed requires grant_type without naming its values: `password` is our assumption.
          body: formBody({ grant_type: 'password', ...credentials }),
          responseType: 'none',
          credentials: 'include',
          authorization: `Bearer ${deviceToken}`,
        },
        options,
      ),

    getCurrentMember: async (options) => unwrapMember(await vistaRequest<CurrentMemberResponse | VistaMember>(config, 'members/current', {}, options)),

    updateCurrentMember: async (changes, options) =>
      unwrapMember(await vistaRequest<CurrentMemberResponse | VistaMember>(config, 'members/current', { method: 'PATCH', body: changes }, options)),
  };
}

function unwrapMember(answer: CurrentMemberResponse | VistaMember): VistaMember {
  return 'member' in answer ? answer.member : answer;
}

/**
 * The seed's text asks for application/x-www-form-urlencoded while its curl sends multipart:
 * we send urlencoded (the mock accepts both). Empty fields are left out.
 */
function formBody(fields: object): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') form.append(name, String(value));
  }
  return form;
}
