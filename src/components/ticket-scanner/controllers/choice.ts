/**
 * Choosing what to scan: AudienceView's options for this account (loaded when online), the
 * step-by-step form, and the start of scanning once every step is decided (by attributes, the
 * remembered choice, single options, or the staff member).
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController } from 'lit';
import { filterOptions } from '../../../api/audienceview/scanning.js';
import type { FilterOptionsClient } from '../../../api/audienceview/types.js';
import type { ScanFilter, StoredSession } from '../offline/scanner-db.js';
import type { TicketCacheController } from './cache.js';
import type { ConnectionController } from './connection.js';
import { withTrueStarts } from './performance-starts.js';
import { completeFilter, initialChoice, rememberedFilter, rememberFilter, sameFilter, type Choice } from './scan-choice.js';
import { SETUP_TIMEOUT_MS, type ScannerHost } from './scanner-host.js';
import type { SessionController } from './session.js';
import type { VerdictController } from './verdicts.js';

export type ChoiceStep = 'clientId' | 'productionId' | 'performanceId';
const FIRST_FIELD = '.choose select, .choose button';

export class ChoiceController implements ReactiveController {
  options?: FilterOptionsClient[];
  error?: Error;
  draft: Choice = {};
  /** The form was sent with a step not chosen. */
  problem = false;
  private readonly loader = new Task(this.host, {
    autoRun: false,
    task: ([session]: [StoredSession], { signal }) => this.fetchOptions(session, signal),
  });

  constructor(
    private readonly host: ScannerHost & { fixedChoice(): Choice },
    private readonly session: SessionController,
    private readonly connection: ConnectionController,
    private readonly tickets: TicketCacheController,
    private readonly verdicts: VerdictController,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  get loading(): boolean {
    return this.loader.status === TaskStatus.PENDING;
  }

  abort(): void {
    this.loader.abort();
  }

  /** What the session showed: the options are asked again for the next one. */
  forget(): void {
    this.options = undefined;
    this.error = undefined;
  }

  /** Loads the options when online, then starts scanning if every step is decided, else asks. */
  async choose({ focus = false } = {}): Promise<void> {
    if (!this.session.current) return;
    if (this.connection.state === 'online' && !(await this.loadOptions())) return;
    // Offline after a reload the options are unknown: the remembered choice, else the downloaded tickets' one.
    const remembered = rememberedFilter(this.host.apiBaseUrl()) ?? (this.options ? undefined : this.tickets.info?.filter);
    const choice = initialChoice(this.options, this.host.fixedChoice(), remembered);
    const filter = completeFilter(choice);
    if (filter) {
      this.error = undefined;
      this.start(filter, { chosenNow: false });
      return;
    }
    this.draft = choice;
    this.problem = false;
    this.host.phase = 'choosing';
    if (focus) this.host.focusAfterRender.request(FIRST_FIELD);
  }

  /** Back to the form, from scanning. */
  change(): void {
    this.draft = this.host.filter ? { ...this.host.filter } : {};
    this.problem = false;
    this.host.phase = 'choosing';
    this.host.focusAfterRender.request(FIRST_FIELD);
    if (!this.options && this.connection.state === 'online') void this.reload();
  }

  async reload(): Promise<void> {
    if (this.loading) return; // the load under way answers for this one too
    if ((await this.loadOptions()) && this.host.phase === 'choosing' && this.options) {
      this.draft = initialChoice(this.options, { ...this.host.fixedChoice(), ...definedSteps(this.draft) }, undefined);
      this.host.requestUpdate();
    }
  }

  /**
   * Fetches what this account can scan now. False when there is nothing more to do: the session
   * ended meanwhile, or the element started over; a failure that leaves the session is shown.
   */
  private async loadOptions(): Promise<boolean> {
    const session = this.session.current;
    if (!session) return false;
    this.error = undefined;
    await this.loader.run([session]);
    return this.loader.status === TaskStatus.COMPLETE && this.loader.value === true;
  }

  private async fetchOptions(session: StoredSession, signal: AbortSignal): Promise<boolean> {
    try {
      const answer = await filterOptions(session, { timeoutMs: SETUP_TIMEOUT_MS, signal });
      // performanceStart may be the venue's wall clock read as US Eastern: made true instants where the public API tells.
      const clients = await withTrueStarts(session.apiBase, answer.clients, this.host.timeZone, signal);
      if (signal.aborted || session !== this.session.current) return false;
      this.options = clients;
      this.session.noteExpiration(answer.accessTokenExpiration);
      this.connection.back();
      return true;
    } catch (error) {
      if (signal.aborted || !this.connection.handleFailure(error, { quiet: true })) return false;
      this.error = this.host.report(error);
      return true;
    }
  }

  stepChanged(step: ChoiceStep, value: string): void {
    const picked = value === '' ? undefined : value === 'all' ? null : Number(value);
    // A step chosen again resets the steps after it, which then default as they would at first.
    const draft: Choice = { ...this.host.fixedChoice(), clientId: this.draft.clientId };
    if (step === 'clientId') draft.clientId = picked ?? undefined;
    else draft.productionId = this.draft.productionId;
    if (step === 'productionId') draft.productionId = picked;
    if (step === 'performanceId') draft.performanceId = picked;
    this.draft = initialChoice(this.options, definedSteps(draft), undefined);
    this.problem = false;
    this.host.requestUpdate();
  }

  submit(event: SubmitEvent): void {
    event.preventDefault();
    const filter = completeFilter(this.draft);
    if (!filter) {
      this.problem = true;
      this.host.focusAfterRender.request('.choose [aria-invalid="true"]');
      this.host.requestUpdate();
      return;
    }
    this.start(filter, { chosenNow: true });
  }

  start(filter: ScanFilter, { chosenNow }: { chosenNow: boolean }): void {
    const changed = !sameFilter(this.host.filter, filter);
    this.host.filter = filter;
    rememberFilter(this.host.apiBaseUrl(), filter);
    this.host.phase = 'scanning';
    this.host.focusAfterRender.request('#barcode');
    if (changed) this.verdicts.clear();
    if (chosenNow || this.tickets.stale()) this.tickets.refresh();
  }
}

/** The steps of a choice that are decided, for `initialChoice` to keep. */
function definedSteps(choice: Choice): Choice {
  const steps: Choice = {};
  if (choice.clientId !== undefined) steps.clientId = choice.clientId;
  if (choice.productionId !== undefined) steps.productionId = choice.productionId;
  if (choice.performanceId !== undefined) steps.performanceId = choice.performanceId;
  return steps;
}
