// Saving values as they are typed: each cell sends its value a moment after the typing stops,
// or at once when the cell is left; one request per cell at a time, the latest text always
// winning, and a value equal to the one stored is not sent again. Each cell's state (saving,
// saved, failed with the server's message) is reported so the form can show it.

export type CellStatus = 'saving' | 'saved' | 'failed' | 'invalid';

export interface CellState {
  status: CellStatus;
  /** Why it failed or is invalid, in the interface language. */
  message?: string;
}

interface Cell {
  stored: string;
  /** The last state reported, so that a refused text set back to the stored value clears it. */
  state?: CellState;
  /** The text to send once the request in flight ends. */
  waiting?: string;
  inFlight: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

export class ValueSaver {
  private readonly cells = new Map<string, Cell>();
  /** Set when the form is left: answers still in flight then change nothing. */
  disposed = false;

  constructor(
    private readonly save: (key: string, value: string) => Promise<void>,
    private readonly report: (key: string, state: CellState | undefined) => void,
    private readonly delayMs = 700,
  ) {}

  /** The value the server holds for a cell, as loaded with the form. */
  load(key: string, value: string): void {
    this.usable();
    this.cells.set(key, { stored: value, inFlight: false });
  }

  /** A disposed saver drops its answers, so a cell used through it would stay "saving" for ever. */
  private usable(): void {
    if (this.disposed) throw new Error('ValueSaver used after dispose: each form needs a new one');
  }

  private cell(key: string): Cell {
    this.usable();
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { stored: '', inFlight: false }));
    return cell;
  }

  /** A keystroke: save after a pause in typing. */
  typed(key: string, value: string): void {
    const cell = this.cell(key);
    clearTimeout(cell.timer);
    cell.timer = setTimeout(() => this.commit(key, value), this.delayMs);
  }

  /** The cell was left or a choice was made: save now. */
  commit(key: string, value: string): void {
    const cell = this.cell(key);
    clearTimeout(cell.timer);
    cell.timer = undefined;
    if (cell.inFlight) {
      cell.waiting = value;
      return;
    }
    if (value === cell.stored) {
      // Nothing to send. A cell merely passed through keeps its look; one that was refused or
      // failed and is back to the stored value is clear again.
      if (cell.state?.status === 'invalid' || cell.state?.status === 'failed') this.update(key, cell, undefined);
      return;
    }
    void this.send(key, cell, value);
  }

  /** A text the form refuses before sending (wrong value type): cancel a pending save. */
  refuse(key: string, message: string): void {
    const cell = this.cell(key);
    clearTimeout(cell.timer);
    cell.timer = undefined;
    cell.waiting = undefined;
    this.update(key, cell, { status: 'invalid', message });
  }

  private update(key: string, cell: Cell, state: CellState | undefined): void {
    cell.state = state;
    this.report(key, state);
  }

  private async send(key: string, cell: Cell, value: string): Promise<void> {
    cell.inFlight = true;
    this.update(key, cell, { status: 'saving' });
    let failure: string | undefined;
    try {
      await this.save(key, value);
      cell.stored = value;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    cell.inFlight = false;
    if (this.disposed) return;
    const waiting = cell.waiting;
    cell.waiting = undefined;
    if (waiting !== undefined && waiting !== value) {
      this.commit(key, waiting);
      return;
    }
    this.update(key, cell, failure === undefined ? { status: 'saved' } : { status: 'failed', message: failure });
  }

  /** Pending saves are dropped when the form changes (another unit, period or data set). */
  dispose(): void {
    this.disposed = true;
    for (const cell of this.cells.values()) clearTimeout(cell.timer);
    this.cells.clear();
  }
}
