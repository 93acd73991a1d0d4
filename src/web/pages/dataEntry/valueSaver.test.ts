import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ValueSaver, type CellState } from './valueSaver.ts';

/** A server whose answers the test releases one by one. */
function fakeServer() {
  const sent: Array<{ key: string; value: string; resolve(): void; reject(error: Error): void }> = [];
  const save = (key: string, value: string) =>
    new Promise<void>((resolve, reject) => {
      sent.push({ key, value, resolve, reject });
    });
  return { sent, save };
}

describe('saving values as they are typed', () => {
  let states: Array<[string, CellState | undefined]>;
  const report = (key: string, state: CellState | undefined) => states.push([key, state]);
  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  it('sends once typing pauses, not at every keystroke', async () => {
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report, 700);
    saver.typed('a', '1');
    saver.typed('a', '12');
    await vi.advanceTimersByTimeAsync(699);
    expect(server.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.sent.map((s) => s.value)).toEqual(['12']);
    expect(states.at(-1)).toEqual(['a', { status: 'saving' }]);
    server.sent[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual(['a', { status: 'saved' }]);
  });

  it('sends at once when the cell is left, and not again when the pause ends', async () => {
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report, 700);
    saver.typed('a', '5');
    saver.commit('a', '5');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.sent.map((s) => s.value)).toEqual(['5']);
  });

  it('does not send a value equal to the stored one, nor mark a cell merely passed through', async () => {
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report);
    saver.load('a', '7');
    saver.commit('a', '7');
    expect(server.sent).toHaveLength(0);
    expect(states).toEqual([]);
  });

  it('clears a refused cell set back to its stored value', async () => {
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report);
    saver.load('a', '7');
    saver.refuse('a', 'Pas un entier');
    saver.commit('a', '7');
    expect(server.sent).toHaveLength(0);
    expect(states.at(-1)).toEqual(['a', undefined]);
  });

  it('keeps one request per cell in flight and sends the latest text after it', async () => {
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report);
    saver.commit('a', '1');
    saver.commit('a', '2');
    saver.commit('a', '3');
    expect(server.sent.map((s) => s.value)).toEqual(['1']);
    server.sent[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.sent.map((s) => s.value)).toEqual(['1', '3']);
    server.sent[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual(['a', { status: 'saved' }]);
  });

  it('reports the server’s message when a save fails, and retries when the text changes', async () => {
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report);
    saver.commit('a', '9');
    server.sent[0]!.reject(new Error('Période fermée'));
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toEqual(['a', { status: 'failed', message: 'Période fermée' }]);
    saver.commit('a', '8');
    expect(server.sent.map((s) => s.value)).toEqual(['9', '8']);
  });

  it('neither reports nor sends the waiting text once the form is left', async () => {
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report);
    saver.commit('a', '1');
    saver.commit('a', '2');
    saver.dispose();
    server.sent[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.sent.map((s) => s.value)).toEqual(['1']);
    expect(states).toEqual([['a', { status: 'saving' }]]);
  });

  it('refuses to be used again once disposed, instead of leaving the cell "saving" for ever', () => {
    // What React's StrictMode did to the form: effect, cleanup (dispose), effect again with the same saver.
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report);
    saver.dispose();
    expect(() => saver.load('a', '3')).toThrow(/after dispose/);
    expect(() => saver.typed('a', '4')).toThrow(/after dispose/);
    expect(() => saver.commit('a', '4')).toThrow(/after dispose/);
    expect(() => saver.refuse('a', 'Pas un entier')).toThrow(/after dispose/);
    expect(server.sent).toHaveLength(0);
    expect(states).toEqual([]);
  });

  it('cancels a pending save when the text is refused before sending', async () => {
    const server = fakeServer();
    const saver = new ValueSaver(server.save, report, 700);
    saver.typed('a', '4');
    saver.refuse('a', 'Pas un entier');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.sent).toHaveLength(0);
    expect(states.at(-1)).toEqual(['a', { status: 'invalid', message: 'Pas un entier' }]);
  });
});
