// The progress line on standard error for long runs: files done, rate and time left. On a
// terminal it redraws one line (at most 10 times a second); elsewhere (--progress into a log)
// it prints a plain line every 2 seconds. It never touches standard output.

export interface ProgressSink {
  write(text: string): void;
  terminal: boolean;
}

export class Progress {
  private done = 0;
  private lastDraw = 0;
  private shown = false;
  private readonly started: number;

  constructor(
    private readonly total: number,
    private readonly sink: ProgressSink,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.started = now();
  }

  /** One more draft finished. */
  tick(): void {
    this.done++;
    const at = this.now();
    const interval = this.sink.terminal ? 100 : 2000;
    if (at - this.lastDraw >= interval || this.done === this.total) this.draw(at);
  }

  line(at = this.now()): string {
    const seconds = Math.max(0.001, (at - this.started) / 1000);
    const rate = this.done / seconds;
    const left = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
    const eta = this.done >= this.total ? 'done' : `ETA ${left >= 60 ? `${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s` : `${left}s`}`;
    return `copydesk: ${this.done}/${this.total} drafts, ${rate.toFixed(0)} drafts/s, ${eta}`;
  }

  private draw(at: number): void {
    this.lastDraw = at;
    this.shown = true;
    this.sink.write(this.sink.terminal ? `\r\x1b[2K${this.line(at)}` : `${this.line(at)}\n`);
  }

  /** Before other text goes to the same terminal: wipe the line (it comes back at the next draw). */
  clear(): void {
    if (this.sink.terminal && this.shown) this.sink.write('\r\x1b[2K');
    this.shown = false;
  }

  /** At the end of the run: a terminal's line is wiped, so the report stands alone. */
  finish(): void {
    this.clear();
  }
}
