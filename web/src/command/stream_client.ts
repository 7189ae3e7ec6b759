// The client of the live stream (GET /api/v1/stream, a WebSocket with the session cookie): one
// connection per scope, reconnecting with backoff after a drop and resuming after the last event
// id seen, starting afresh (no `after`) when the server says `resync`. Plain class, no Preact:
// the hook in live.ts turns its callbacks into state.
import type { StreamAlert, StreamEvent, StreamMessage } from './types';

/// What the page shows about the connection: `live` once the server said hello; `reconnecting`
/// after a drop; `polling` while the stream has never answered (the figures are then fetched
/// every 10 s); `connecting` at first.
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'polling';

export interface StreamHandlers {
  onEvent(event: StreamEvent): void;
  onAlert(alert: StreamAlert): void;
  /// The server could not keep up (or the events asked for are gone): fetch everything again.
  onResync(): void;
  onConnection(state: Connection): void;
}

const kMaxBackoffMs = 30_000;
/// The server sends a heartbeat every 15 s: three missed and the connection counts as dropped
/// (a phone that changed networks can hold a dead socket for minutes).
const kSilenceMs = 45_000;

export class StreamClient {
  private socket: WebSocket | null = null;
  private lastId: string | null = null;
  private attempt = 0;
  private everLive = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly scope: string,
    private readonly handlers: StreamHandlers,
  ) {}

  start(): void {
    this.handlers.onConnection('connecting');
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.watchdog);
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  private url(): string {
    const url = new URL('/api/v1/stream', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('scope', this.scope);
    if (this.lastId !== null) url.searchParams.set('after', this.lastId);
    return url.toString();
  }

  private connect(): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.watch(socket);
    socket.onmessage = (message) => {
      if (this.socket !== socket) return;
      this.watch(socket);
      // A frame holds one message, or several queued together as an array, in order.
      let parsed: StreamMessage | StreamMessage[];
      try {
        parsed = JSON.parse(String(message.data)) as StreamMessage | StreamMessage[];
      } catch {
        return;
      }
      for (const one of Array.isArray(parsed) ? parsed : [parsed]) {
        if (this.socket !== socket) return;
        this.receive(one);
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  private watch(socket: WebSocket): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      socket.close();
      this.scheduleReconnect();
    }, kSilenceMs);
  }

  private receive(message: StreamMessage): void {
    switch (message.type) {
      case 'hello':
        if (this.lastId === null && message.last_id !== null) this.lastId = String(message.last_id);
        this.attempt = 0;
        this.everLive = true;
        this.handlers.onConnection('live');
        break;
      case 'event':
        this.lastId = String(message.id);
        this.handlers.onEvent(message);
        break;
      case 'alert':
        this.handlers.onAlert(message.alert);
        break;
      case 'heartbeat':
        // Everything up to last_id in this scope has been sent on this connection already.
        if (message.last_id !== null && message.last_id !== undefined) this.lastId = String(message.last_id);
        break;
      case 'resync':
        // The server closes after this; the next connection starts from now.
        this.lastId = null;
        this.attempt = 0;
        this.handlers.onResync();
        break;
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.handlers.onConnection(this.everLive ? 'reconnecting' : 'polling');
    // 0.5 s, 1 s, 2 s … up to 30 s, with jitter so a wall of screens does not come back at once.
    const base = Math.min(kMaxBackoffMs, 500 * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 10);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), base / 2 + Math.random() * (base / 2));
  }
}
