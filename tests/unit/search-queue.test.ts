import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../renderer/features/visitors/latest-only';

/** A call the test answers by hand, in the order it chooses. */
function manualCalls() {
  const sent: string[] = [];
  const answers = new Map<string, (value: string) => void>();
  const run = (key: string) => () => {
    sent.push(key);
    return new Promise<string>((resolve) => answers.set(key, resolve));
  };
  const answer = async (key: string) => {
    const resolve = answers.get(key);
    if (!resolve) throw new Error(`${key} was never sent`);
    answers.delete(key);
    resolve(`answer to ${key}`);
    // Let the promise's continuations run.
    await new Promise((next) => setImmediate(next));
  };
  return { sent, run, answer, inFlight: () => [...answers.keys()] };
}

describe('latest-only calls (the search box)', () => {
  it('keeps one call in flight, sends only the latest of the keys typed meanwhile, and hands over only its answer', async () => {
    const delivered: string[] = [];
    const calls = manualCalls();
    const queue = new LatestOnly<string>((_key, value) => delivered.push(value));
    queue.want('ais', calls.run('ais'));
    queue.want('aiss', calls.run('aiss'));
    queue.want('aissa', calls.run('aissa'));
    expect(calls.sent).toEqual(['ais']);
    // The answer to "ais" comes back when the box holds "aissa": dropped, and "aissa" goes out.
    await calls.answer('ais');
    expect(delivered).toEqual([]);
    expect(calls.sent).toEqual(['ais', 'aissa']);
    await calls.answer('aissa');
    expect(delivered).toEqual(['answer to aissa']);
    expect(calls.inFlight()).toEqual([]);
  });

  it('sends nothing more when the box comes back to the text in flight', async () => {
    const delivered: string[] = [];
    const calls = manualCalls();
    const queue = new LatestOnly<string>((_key, value) => delivered.push(value));
    queue.want('dia', calls.run('dia'));
    queue.want('dial', calls.run('dial'));
    queue.want('dia', calls.run('dia again'));
    await calls.answer('dia');
    expect(calls.sent).toEqual(['dia']);
    expect(delivered).toEqual(['answer to dia']);
  });

  it('drops the answer in flight and the waiting call once nothing is wanted (two characters left), and after close', async () => {
    const delivered: string[] = [];
    const calls = manualCalls();
    const queue = new LatestOnly<string>((_key, value) => delivered.push(value));
    queue.want('fat', calls.run('fat'));
    queue.want('fati', calls.run('fati'));
    queue.forget();
    await calls.answer('fat');
    expect(calls.sent).toEqual(['fat']);
    expect(delivered).toEqual([]);

    queue.want('fatou', calls.run('fatou'));
    queue.close();
    await calls.answer('fatou');
    queue.want('grace', calls.run('grace'));
    expect(calls.sent).toEqual(['fat', 'fatou']);
    expect(delivered).toEqual([]);
  });

  it('sends the waiting call when the one in flight fails, and hands over nothing for the failure', async () => {
    const delivered: string[] = [];
    const sent: string[] = [];
    const queue = new LatestOnly<string>((_key, value) => delivered.push(value));
    let fail: (reason: Error) => void = () => undefined;
    queue.want('kou', () => {
      sent.push('kou');
      return new Promise<string>((_resolve, reject) => (fail = reject));
    });
    queue.want('koua', () => {
      sent.push('koua');
      return Promise.resolve('answer to koua');
    });
    fail(new Error('the channel failed'));
    await new Promise((next) => setImmediate(next));
    expect(sent).toEqual(['kou', 'koua']);
    expect(delivered).toEqual(['answer to koua']);
  });
});
