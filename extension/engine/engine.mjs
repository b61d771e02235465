// The one JS module that loads and calls the SayWho engine. The Node CLI,
// the Node tests and the extension's background all import this file.
//
//   const engine = await createEngine(source);
//   const result = engine.process(html, { url });
//
// source is where the WASM comes from: a URL (file: or http(s)/extension
// URL), a path string (Node), bytes (ArrayBuffer / typed array) or a
// compiled WebAssembly.Module. The module is compiled once; if the Go
// runtime inside ever exits, the next call instantiates a fresh copy from
// the cached module, so one bad page never leaves the engine dead.
//
// Go's wasm_exec.js (copied from the Go toolchain at build time) defines
// globalThis.Go. It is imported statically because service workers forbid
// dynamic import().
import './wasm_exec.js';

// Results follow the contract in docs/CONTRACT.md, mirrored from
// internal/engine/result.go.

/**
 * Error thrown when the engine reports a failure for one page. The engine
 * stays usable.
 */
export class EngineError extends Error {
  /**
   * @param {string} message
   * @param {string} [code] "too-complex" (past the time limit), "too-large"
   *   (over the size cap), "encoding" (an encoding the engine doesn't
   *   decode), "internal" (an engine bug) or "failed"
   */
  constructor(message, code = 'failed') {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return WebAssembly.compile(source);
  }
  const isNode = typeof process !== 'undefined' && process.versions?.node;
  let url = source;
  if (typeof source === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(source)) {
    if (!isNode) throw new TypeError(`createEngine: relative WASM path ${source} needs a URL`);
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(source));
  }
  url = new URL(String(url));
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`createEngine: fetching ${url}: HTTP ${response.status}`);
  return WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}

/**
 * The Go runtime's garbage-collector setting for the engine, passed as its
 * environment. The engine's garbage is short-lived and its live data small
 * (a few MiB on a news page), so collecting at 300% growth rather than 100%
 * saves about a tenth of the time per page. The bridge sets a soft memory
 * limit before each call (engine.MemoryLimit in Go), which keeps WASM
 * memory (it never shrinks) under 64 MiB on a 2 MB page.
 */
export const GO_ENV = Object.freeze({ GOGC: '300' });

/**
 * Start one Go instance from a compiled module. go.run executes Go's main()
 * synchronously up to its first block, so globalThis.saywho exists as soon
 * as run() returns. Synchronous instantiation from a compiled module is
 * allowed in workers, Node and Firefox background pages; it lets a dead
 * runtime be replaced inside a synchronous process() call.
 */
function instantiate(module) {
  const go = new globalThis.Go();
  go.env = { ...GO_ENV };
  const instance = new WebAssembly.Instance(module, go.importObject);
  const state = { go, exited: false, api: null };
  const onExit = () => {
    state.exited = true;
    // Timers the Go runtime had scheduled (the collection it runs once the
    // engine is idle) would call into the exited runtime and throw from a
    // setTimeout: cancel them. wasm_exec.js keeps them in this Map.
    for (const t of go._scheduledTimeouts?.values?.() ?? []) clearTimeout(t);
    go._scheduledTimeouts?.clear?.();
  };
  go.run(instance).then(onExit, onExit);
  state.api = globalThis.saywho;
  if (!state.api || typeof state.api.process !== 'function') {
    throw new Error('createEngine: the WASM module did not install globalThis.saywho');
  }
  return state;
}

// wasm_exec.js throws this when a JS call reaches an exited Go runtime.
const DEAD = /Go program has already exited/;
const encoder = new TextEncoder();

/**
 * @param {URL|string|ArrayBuffer|ArrayBufferView|WebAssembly.Module} source
 */
export async function createEngine(source) {
  const module = await compile(source);
  let state = instantiate(module);
  let restarts = 0;

  // call runs fn against a live instance: if the runtime has exited (an
  // os.Exit or a fatal error in Go), a fresh one is made from the cached
  // module and the call is tried once more.
  function call(fn) {
    for (let attempt = 0; ; attempt++) {
      if (state.exited || !state.go || state.go.exited) {
        state = instantiate(module);
        restarts++;
      }
      try {
        return fn(state.api);
      } catch (err) {
        if (!DEAD.test(String(err?.message)) || attempt > 0) throw err;
        state.exited = true;
      }
    }
  }

  const engine = {
    /** The compiled module, to share with another engine. */
    module,
    /** The engine's version string, set at build time. */
    get version() { return call((api) => api.version); },
    /** How many times the Go runtime had to be re-created. */
    get restarts() { return restarts; },

    /**
     * Clean one page and attribute its quotes.
     * @param {string|Uint8Array} html the page; a string is sent as UTF-8
     * @param {{url?: string, timeoutMs?: number}} [options] url resolves
     *   relative links; timeoutMs bounds the call (default 2000, negative: none)
     * @returns {object} the Result (docs/CONTRACT.md)
     * @throws {EngineError} when the engine could not process the page
     */
    process(html, options = {}) {
      if (typeof html !== 'string' && !(html instanceof Uint8Array)) {
        throw new TypeError('engine.process: html must be a string or a Uint8Array');
      }
      const page = typeof html === 'string' ? encoder.encode(html) : html;
      const opts = { url: String(options.url ?? '') };
      if (typeof options.timeoutMs === 'number') opts.timeoutMs = options.timeoutMs;
      const out = call((api) => api.process(page, opts));
      if (out.error !== undefined) throw new EngineError(out.error, out.code);
      return JSON.parse(out.json);
    },

    /**
     * Test hook: "panic" makes Go panic inside a call (it comes back as an
     * EngineError); "exit" stops the Go runtime (the next call restarts it).
     */
    selfTest(what) {
      let out;
      try {
        out = call((api) => api.selfTest(what));
      } catch (err) {
        if (what === 'exit') return; // the runtime is gone, as asked
        throw err;
      }
      if (out && out.error !== undefined) throw new EngineError(out.error, out.code);
    },
  };
  return engine;
}
