//go:build js && wasm

// Command wasm is the WebAssembly build of the SayWho engine. It is the only
// package that touches syscall/js, and it holds no logic of its own: it turns
// a JS call into an engine.Process call and the Result into JSON text.
//
// It installs one global, globalThis.saywho, with:
//
//	process(page, options) → {json: string} | {error: string, code: string}
//	    page is a string or a Uint8Array of UTF-8 bytes; options is an
//	    object {url: string, timeoutMs: number} (or undefined); code is one
//	    of engine's Code constants ("too-complex", "too-large", …). The result crosses the boundary
//	    as one JSON string: a single copy is cheaper than building a tree of
//	    js.Values field by field, and JSON.parse on the JS side is fast.
//	version → string
//	selfTest(what) — test hook: "panic" panics inside a call (it must come
//	    back as {error}), "exit" stops the Go runtime (the JS loader must
//	    re-create the engine).
//
// Before each call it lets engine.TuneRuntime set up Go's runtime for the
// page (the memory limit; a collection before a large page), and as the
// call ends it lets it arm a collection for when the worker is idle.
//
// The program then blocks forever; the JS side keeps the instance and calls
// into it. A panic is recovered here and becomes an error value: an
// unrecovered one would leave the instance dead for the whole worker.
package main

import (
	"fmt"
	"os"
	"syscall/js"
	"time"

	"github.com/saywho/saywho/internal/engine"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	api := js.Global().Get("Object").New()
	api.Set("process", js.FuncOf(process))
	api.Set("selfTest", js.FuncOf(selfTest))
	api.Set("version", version)
	js.Global().Set("saywho", api)
	select {}
}

// process is the bridge for engine.Process.
func process(_ js.Value, args []js.Value) (ret any) {
	defer func() {
		if r := recover(); r != nil {
			ret = map[string]any{"error": fmt.Sprintf("bridge: internal error: %v", r), "code": engine.CodeInternal}
		}
	}()
	if len(args) < 1 {
		return errorValue(fmt.Errorf("process: missing page argument"))
	}
	page, err := pageBytes(args[0])
	if err != nil {
		return errorValue(err)
	}
	var opts engine.Options
	if len(args) > 1 && args[1].Type() == js.TypeObject {
		if u := args[1].Get("url"); u.Type() == js.TypeString {
			opts.URL = u.String()
		}
		if ms := args[1].Get("timeoutMs"); ms.Type() == js.TypeNumber {
			opts.Timeout = time.Duration(ms.Float() * float64(time.Millisecond))
		}
	}
	defer engine.TuneRuntime(len(page))()
	res, err := engine.Process(page, opts)
	if err != nil {
		return map[string]any{"error": err.Error(), "code": engine.ErrorCode(err)}
	}
	return map[string]any{"json": string(res.JSON())}
}

// pageBytes accepts the page as a JS string or as UTF-8 bytes.
func pageBytes(v js.Value) ([]byte, error) {
	switch v.Type() {
	case js.TypeString:
		return []byte(v.String()), nil
	case js.TypeObject:
		if v.InstanceOf(js.Global().Get("Uint8Array")) {
			b := make([]byte, v.Get("length").Int())
			js.CopyBytesToGo(b, v)
			return b, nil
		}
	}
	return nil, fmt.Errorf("process: page must be a string or a Uint8Array, got %s", v.Type())
}

// selfTest lets the JS tests prove that failures are contained.
func selfTest(_ js.Value, args []js.Value) (ret any) {
	defer func() {
		if r := recover(); r != nil {
			ret = errorValue(fmt.Errorf("bridge: internal error: %v", r))
		}
	}()
	what := ""
	if len(args) > 0 {
		what = args[0].String()
	}
	switch what {
	case "panic":
		panic("self-test panic")
	case "exit":
		os.Exit(3)
	}
	return errorValue(fmt.Errorf("selfTest: unknown test %q", what))
}

func errorValue(err error) map[string]any {
	return map[string]any{"error": err.Error(), "code": engine.CodeFailed}
}
