// A page handed to a webview says when it is shown (its stamp: the nonce it was sent with). A
// webview can lose a page: under load a new frame may never finish loading, the old page stays,
// and no later event would ever draw the new one. This watches for the stamp of the page sent
// last and sends again after 2, 4, 8, 16 and 32 s until it comes.

export const FIRST_RESEND_DELAY_MS = 2_000;
export const MAX_RESENDS = 5;

export class ResendUntilShown {
  private expected: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private resends = 0;

  /** `resend` sends the page again (with a new stamp, through `sent`). */
  constructor(
    private readonly resend: () => void,
    private readonly firstDelayMs = FIRST_RESEND_DELAY_MS,
    private readonly maxResends = MAX_RESENDS,
  ) {}

  /** A page with `stamp` was sent: wait for it, keeping the back-off of earlier resends. */
  sent(stamp: string): void {
    this.expected = stamp;
    this.arm();
  }

  /** The page with `stamp` is shown; a page sent before the last one does not count. */
  shown(stamp: unknown): void {
    if (stamp !== this.expected) return; // nothing awaited (undefined) is a no-op too
    this.expected = undefined;
    this.resends = 0;
    this.stop();
  }

  /** Nothing to wait for (the panel is hidden: a hidden webview loads its page when shown). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Whether a page sent is not yet shown. */
  get waiting(): boolean {
    return this.expected !== undefined;
  }

  private arm(): void {
    this.stop();
    if (this.resends >= this.maxResends) return;
    const delay = this.firstDelayMs * 2 ** this.resends;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.resends++;
      this.resend();
    }, delay);
  }
}
