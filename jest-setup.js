// Jest setup provided by Grafana scaffolding
// The scaffolded setup touches DOM globals; skip it for `@jest-environment node` suites.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
import { MessageChannel, MessagePort } from 'worker_threads';
import { TextEncoder, TextDecoder } from 'util';

// React 19's react-dom/server.browser (pulled in by @grafana/ui TruncatedText) needs MessageChannel.
// Node's ports keep the process alive once React's scheduler listens on one, so Jest never exits;
// unref them whenever a listener is set (messages are still delivered while the tests run).
class UnrefMessageChannel extends MessageChannel {
  constructor() {
    super();
    for (const port of [this.port1, this.port2]) {
      let handler;
      for (let proto = Object.getPrototypeOf(port); proto && !handler; proto = Object.getPrototypeOf(proto)) {
        handler = Object.getOwnPropertyDescriptor(proto, 'onmessage');
      }
      Object.defineProperty(port, 'onmessage', {
        configurable: true,
        get() {
          return handler.get.call(this);
        },
        set(listener) {
          handler.set.call(this, listener);
          this.unref();
        },
      });
    }
  }
}
Object.assign(global, { MessageChannel: UnrefMessageChannel, MessagePort });
// jsdom lacks TextEncoder/TextDecoder, which apache-arrow uses.
if (typeof global.TextEncoder === 'undefined') {
  Object.assign(global, { TextEncoder, TextDecoder });
}
// @grafana/scenes and some @grafana/ui components observe visibility.
class IntersectionObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
if (typeof global.IntersectionObserver === 'undefined') {
  Object.assign(global, { IntersectionObserver: IntersectionObserverStub });
}
// jsdom's URL lacks URL.canParse (Node 20 and browsers have it); @braintree/sanitize-url (TextLink) calls it.
if (typeof URL.canParse !== 'function') {
  URL.canParse = (url, base) => {
    try {
      new URL(url, base);
      return true;
    } catch {
      return false;
    }
  };
}
