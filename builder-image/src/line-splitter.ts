import { StringDecoder } from 'node:string_decoder';

/**
 * Turns a byte stream into lines. A line longer than `maxLineBytes` is emitted in pieces, so a
 * minified blob without newlines can neither exhaust memory nor stall streaming.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineBytes = 16 * 1024,
  ) {}

  push(chunk: Buffer | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let newline = this.pending.indexOf('\n');
    while (newline !== -1) {
      this.emit(this.pending.slice(0, newline));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
    while (this.pending.length > this.maxLineBytes) {
      this.emit(this.pending.slice(0, this.maxLineBytes));
      this.pending = this.pending.slice(this.maxLineBytes);
    }
  }

  /** Emits what is left (a last line without a newline). */
  end(): void {
    this.pending += this.decoder.end();
    if (this.pending.length > 0) this.emit(this.pending);
    this.pending = '';
  }

  private emit(line: string): void {
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}
