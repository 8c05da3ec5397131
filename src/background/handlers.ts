// The background answers each message kind with one handler from a table typed by the reply
// map (protocol/replies.ts): a handler that answers with the wrong shape does not compile, and
// a kind without a handler does not either.
import type { MessageOf } from '../protocol/messages';

export type Handlers<U extends { type: string }, Replies extends Record<U['type'], unknown>, Args extends unknown[]> = {
  [K in U['type']]: (msg: MessageOf<U, K>, ...args: Args) => Promise<Replies[K]> | Replies[K];
};

/** Runs the handler for `msg`'s kind. The cast is the one place the compiler cannot follow the kind from message to handler. */
export async function dispatch<U extends { type: string }, Replies extends Record<U['type'], unknown>, Args extends unknown[], M extends U>(
  handlers: Handlers<U, Replies, Args>,
  msg: M,
  ...args: Args
): Promise<Replies[M['type']]> {
  const handler = handlers[msg.type as M['type']] as unknown as (msg: M, ...args: Args) => Promise<Replies[M['type']]>;
  return handler(msg, ...args);
}
